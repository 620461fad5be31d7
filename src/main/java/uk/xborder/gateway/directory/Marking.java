package uk.xborder.gateway.directory;

import uk.xborder.gateway.message.ClassificationScheme;

/** A protective marking: a classification scheme and a level in it, e.g. {@code EU SECRET-UE}. */
public record Marking(ClassificationScheme scheme, String level) {

    @Override
    public String toString() {
        return scheme + " " + level;
    }
}
