package io.cleanwire.publisher.rest;

import io.cleanwire.publisher.persistence.ItemFilter;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The item filters shared by the item list and the output feeds, read from the query string. */
public class FilterParams {

  @Parameter(description = ApiText.LANGUAGE)
  @QueryParam("language")
  List<String> language;

  @Parameter(description = ApiText.FEED)
  @QueryParam("feed")
  String feed;

  @Parameter(description = ApiText.STORY)
  @QueryParam("story")
  String story;

  @Parameter(description = ApiText.Q)
  @QueryParam("q")
  String q;

  @Parameter(description = ApiText.SINCE)
  @QueryParam("since")
  String since;

  @Parameter(description = ApiText.UNTIL)
  @QueryParam("until")
  String until;

  /** The validated filter; a bad value is a 400 naming the parameter. */
  ItemFilter toFilter() {
    return RequestParams.filter(language, feed, story, since, until, q);
  }
}
