package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.query.ItemFinder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code GET /api/v1/stories/{storyId}}: a story's representative and members. */
@Path("/api/v1/stories")
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {

  private final ItemFinder finder;

  public StoryResource(ItemFinder finder) {
    this.finder = finder;
  }

  @GET
  @Path("/{storyId}")
  @Operation(summary = "A story with every member and why it matched")
  public StoryView get(
      @Parameter(description = "The story's id (storyId of any of its items)") @PathParam("storyId")
          String storyId) {
    return finder
        .story(storyId)
        .map(StoryView::of)
        .orElseThrow(() -> new NotFoundProblem("no story with storyId " + storyId));
  }
}
