package uk.xborder.gateway.directory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who the gateway knows: the agencies that send through it and the partners it may deliver to. Immutable; built and
 * checked by {@link PartyDirectoryLoader}.
 */
public final class PartyDirectory {

    private final Map<String, Agency> agencies;
    private final Map<String, Partner> partners;
    private final Map<String, Path> crlFiles;

    PartyDirectory(Collection<Agency> agencies, Collection<Partner> partners, Map<String, Path> crlFiles) {
        Map<String, Agency> a = new LinkedHashMap<>();
        agencies.forEach(agency -> a.put(agency.id(), agency));
        Map<String, Partner> p = new LinkedHashMap<>();
        partners.forEach(partner -> p.put(partner.id(), partner));
        this.agencies = java.util.Collections.unmodifiableMap(a);
        this.partners = java.util.Collections.unmodifiableMap(p);
        this.crlFiles = Map.copyOf(crlFiles);
    }

    public Optional<Agency> agency(String id) {
        return Optional.ofNullable(agencies.get(id));
    }

    /** The agency partners address by this party id (an envelope's addressee). */
    public Optional<Agency> agencyAddressedAs(String partyId) {
        return agencies.values().stream().filter(agency -> agency.partyId().equals(partyId)).findFirst();
    }

    public Optional<Partner> partner(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    /**
     * The file the partner's revocation list was read from, when the directory names one: a CRL is re-issued while
     * the gateway runs, so whoever checks revocation re-reads it rather than keep {@link Partner#crls()}, the copy
     * read at load.
     */
    public Optional<Path> crlFile(String partnerId) {
        return Optional.ofNullable(crlFiles.get(partnerId));
    }

    public Collection<Agency> agencies() {
        return agencies.values();
    }

    public Collection<Partner> partners() {
        return partners.values();
    }
}
