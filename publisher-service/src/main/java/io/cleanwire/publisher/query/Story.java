package io.cleanwire.publisher.query;

import java.util.List;

/**
 * A story and all of its stored members.
 *
 * @param storyId the story's id
 * @param representative the member that stands for the story in collapsed lists (first stored)
 * @param members every member in arrival order, the representative first
 */
public record Story(String storyId, Item representative, List<Item> members) {}
