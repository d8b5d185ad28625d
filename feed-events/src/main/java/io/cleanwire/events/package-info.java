/**
 * The contract between Cleanwire's services: event records, topic names and their JSON form.
 *
 * <p>Rules: a new field is added with a new JSON fixture in this module's tests; removing or
 * renaming a field means a new topic version ({@code .v2}). Readers ignore unknown fields so that
 * producers can be upgraded first.
 */
package io.cleanwire.events;
