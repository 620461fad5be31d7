package uk.xborder.gateway.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expectations the tests hold the tables to, written out literally and independently of {@code tables/*.csv}:
 * if someone edits a CSV row, a code, a rank or a direction, a test here disagrees. Changing one of these lines is
 * a deliberate act that a reviewer sees next to the CSV change.
 */
final class Expected {

    private Expected() {
    }

    /** Every code of every scheme (from the College of Policing APP, HMRC MLR3C14000, Europol Reg. Art. 29, 6261/18). */
    static final Map<String, List<String>> CODES = Map.ofEntries(
            Map.entry("UK_3X5X2/SOURCE", List.of("1", "2", "3")),
            Map.entry("UK_3X5X2/INFORMATION", List.of("A", "B", "C", "D", "E")),
            Map.entry("UK_3X5X2/HANDLING", List.of("P", "C")),
            Map.entry("UK_5X5X5/SOURCE", List.of("A", "B", "C", "D", "E")),
            Map.entry("UK_5X5X5/INFORMATION", List.of("1", "2", "3", "4", "5")),
            Map.entry("UK_5X5X5/HANDLING", List.of("1", "2", "3", "4", "5")),
            Map.entry("EUROPOL/SOURCE", List.of("A", "B", "C", "X")),
            Map.entry("EUROPOL/INFORMATION", List.of("1", "2", "3", "4")),
            Map.entry("EUROPOL/HANDLING", List.of("H0", "H1", "H2", "H3")),
            Map.entry("UK_GSC/CLASSIFICATION", List.of("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP-SECRET")),
            Map.entry("EU/CLASSIFICATION",
                    List.of("UNCLASSIFIED", "RESTREINT-UE", "CONFIDENTIEL-UE", "SECRET-UE", "TRES-SECRET-UE")));

    /**
     * The common ladders, "scheme/dimension/code" -> rank. Grading: higher = more reliable / more confident.
     * Handling: higher = more restrictive. Classification: higher = more protection.
     */
    static final Map<String, Integer> RANKS = ranks(
            // SOURCE: 4 all instances, 3 most instances, 2 untested/cannot assess, 1 sometimes, 0 unreliable
            "UK_3X5X2/SOURCE/1=3", "UK_3X5X2/SOURCE/2=2", "UK_3X5X2/SOURCE/3=0",
            "UK_5X5X5/SOURCE/A=4", "UK_5X5X5/SOURCE/B=3", "UK_5X5X5/SOURCE/C=1", "UK_5X5X5/SOURCE/D=0",
            "UK_5X5X5/SOURCE/E=2",
            "EUROPOL/SOURCE/A=4", "EUROPOL/SOURCE/B=3", "EUROPOL/SOURCE/C=0", "EUROPOL/SOURCE/X=2",
            // INFORMATION: 5 true, 4 direct, 3 indirect+corroborated, 2 indirect, 1 cannot judge, 0 suspected false
            "UK_3X5X2/INFORMATION/A=4", "UK_3X5X2/INFORMATION/B=3", "UK_3X5X2/INFORMATION/C=2",
            "UK_3X5X2/INFORMATION/D=1", "UK_3X5X2/INFORMATION/E=0",
            "UK_5X5X5/INFORMATION/1=5", "UK_5X5X5/INFORMATION/2=4", "UK_5X5X5/INFORMATION/3=3",
            "UK_5X5X5/INFORMATION/4=1", "UK_5X5X5/INFORMATION/5=0",
            "EUROPOL/INFORMATION/1=5", "EUROPOL/INFORMATION/2=4", "EUROPOL/INFORMATION/3=3",
            "EUROPOL/INFORMATION/4=1",
            // HANDLING: 0 beyond law enforcement, 1 LE only, 2 +no judicial use, 3 no dissemination w/o permission,
            // 4 free-text conditions, 5 originating agency only, 6 no further dissemination
            "UK_3X5X2/HANDLING/P=0", "UK_3X5X2/HANDLING/C=4",
            "UK_5X5X5/HANDLING/1=1", "UK_5X5X5/HANDLING/2=0", "UK_5X5X5/HANDLING/3=0", "UK_5X5X5/HANDLING/4=5",
            "UK_5X5X5/HANDLING/5=6",
            "EUROPOL/HANDLING/H0=1", "EUROPOL/HANDLING/H1=2", "EUROPOL/HANDLING/H2=3", "EUROPOL/HANDLING/H3=4",
            // CLASSIFICATION: 0 unclassified, 1 OFFICIAL, 2 RESTRICTED/O-S, 3 CONFIDENTIAL, 4 SECRET, 5 TOP SECRET
            "UK_GSC/CLASSIFICATION/OFFICIAL=1", "UK_GSC/CLASSIFICATION/OFFICIAL-SENSITIVE=2",
            "UK_GSC/CLASSIFICATION/SECRET=4", "UK_GSC/CLASSIFICATION/TOP-SECRET=5",
            "EU/CLASSIFICATION/UNCLASSIFIED=0", "EU/CLASSIFICATION/RESTREINT-UE=2",
            "EU/CLASSIFICATION/CONFIDENTIEL-UE=3", "EU/CLASSIFICATION/SECRET-UE=4",
            "EU/CLASSIFICATION/TRES-SECRET-UE=5");

    /** Handling codes that carry free-text conditions, "scheme/HANDLING/code". */
    static final List<String> CARRIES_CONDITIONS = List.of("UK_3X5X2/HANDLING/C", "EUROPOL/HANDLING/H3", "UK_5X5X5/HANDLING/5");

    static final String REFUSE = "REFUSE";

    /** from_scheme,from_code,to_scheme,expected — one line per row of grading-source.csv. */
    static final List<String> SOURCE_ROWS = List.of(
            "UK_3X5X2,1,EUROPOL,B",
            "UK_3X5X2,2,EUROPOL,X",
            "UK_3X5X2,3,EUROPOL,C",
            "UK_5X5X5,A,EUROPOL,A",
            "UK_5X5X5,B,EUROPOL,B",
            "UK_5X5X5,C,EUROPOL,C",
            "UK_5X5X5,D,EUROPOL,C",
            "UK_5X5X5,E,EUROPOL,X",
            "EUROPOL,A,UK_3X5X2,1",
            "EUROPOL,B,UK_3X5X2,1",
            "EUROPOL,C,UK_3X5X2,3",
            "EUROPOL,X,UK_3X5X2,2",
            "EUROPOL,A,UK_5X5X5,A",
            "EUROPOL,B,UK_5X5X5,B",
            "EUROPOL,C,UK_5X5X5,D",
            "EUROPOL,X,UK_5X5X5,E",
            "UK_3X5X2,1,UK_5X5X5,B",
            "UK_3X5X2,2,UK_5X5X5,E",
            "UK_3X5X2,3,UK_5X5X5,D",
            "UK_5X5X5,A,UK_3X5X2,1",
            "UK_5X5X5,B,UK_3X5X2,1",
            "UK_5X5X5,C,UK_3X5X2,3",
            "UK_5X5X5,D,UK_3X5X2,3",
            "UK_5X5X5,E,UK_3X5X2,2");

    /** from_scheme,from_code,to_scheme,expected — one line per row of grading-information.csv. */
    static final List<String> INFORMATION_ROWS = List.of(
            "UK_3X5X2,A,EUROPOL,2",
            "UK_3X5X2,B,EUROPOL,3",
            "UK_3X5X2,C,EUROPOL,4",
            "UK_3X5X2,D,EUROPOL,4",
            "UK_3X5X2,E,EUROPOL,REFUSE",
            "UK_5X5X5,1,EUROPOL,1",
            "UK_5X5X5,2,EUROPOL,2",
            "UK_5X5X5,3,EUROPOL,3",
            "UK_5X5X5,4,EUROPOL,4",
            "UK_5X5X5,5,EUROPOL,REFUSE",
            "EUROPOL,1,UK_3X5X2,A",
            "EUROPOL,2,UK_3X5X2,A",
            "EUROPOL,3,UK_3X5X2,B",
            "EUROPOL,4,UK_3X5X2,D",
            "EUROPOL,1,UK_5X5X5,1",
            "EUROPOL,2,UK_5X5X5,2",
            "EUROPOL,3,UK_5X5X5,3",
            "EUROPOL,4,UK_5X5X5,4",
            "UK_3X5X2,A,UK_5X5X5,2",
            "UK_3X5X2,B,UK_5X5X5,3",
            "UK_3X5X2,C,UK_5X5X5,4",
            "UK_3X5X2,D,UK_5X5X5,4",
            "UK_3X5X2,E,UK_5X5X5,5",
            "UK_5X5X5,1,UK_3X5X2,A",
            "UK_5X5X5,2,UK_3X5X2,A",
            "UK_5X5X5,3,UK_3X5X2,B",
            "UK_5X5X5,4,UK_3X5X2,D",
            "UK_5X5X5,5,UK_3X5X2,E");

    /**
     * from_scheme,from_code,to_scheme,expected,phrase — one line per row of handling.csv; phrase is a literal part
     * of the condition the translator must attach ("-" when there must be none).
     */
    static final List<String> HANDLING_ROWS = List.of(
            "UK_3X5X2,P,EUROPOL,H0,-",
            "UK_3X5X2,C,EUROPOL,H3,the sharing conditions recorded with this intelligence apply",
            "UK_5X5X5,1,EUROPOL,H0,-",
            "UK_5X5X5,2,EUROPOL,H2,-",
            "UK_5X5X5,3,EUROPOL,H2,-",
            "UK_5X5X5,4,EUROPOL,REFUSE,-",
            "UK_5X5X5,5,EUROPOL,REFUSE,-",
            "EUROPOL,H0,UK_3X5X2,C,may only be used for the purpose of preventing and combating crime",
            "EUROPOL,H1,UK_3X5X2,C,not to be disclosed in judicial proceedings without the permission of the provider",
            "EUROPOL,H2,UK_3X5X2,C,not to be disseminated without the permission of the provider",
            "EUROPOL,H3,UK_3X5X2,C,restrictions and comments carried with this intelligence apply",
            "EUROPOL,H0,UK_5X5X5,1,-",
            "EUROPOL,H1,UK_5X5X5,5,not to be disclosed in judicial proceedings without the permission of the provider",
            "EUROPOL,H2,UK_5X5X5,5,not to be disseminated without the permission of the provider",
            "EUROPOL,H3,UK_5X5X5,5,restrictions and comments carried with this intelligence apply",
            "UK_3X5X2,P,UK_5X5X5,1,-",
            "UK_3X5X2,C,UK_5X5X5,5,the sharing conditions recorded with this intelligence apply",
            "UK_5X5X5,1,UK_3X5X2,C,may be disseminated only to law enforcement and prosecuting agencies",
            "UK_5X5X5,2,UK_3X5X2,C,UK non-prosecuting parties only with authorisation and records",
            "UK_5X5X5,3,UK_3X5X2,C,non-EEA law enforcement agencies only under special conditions",
            "UK_5X5X5,4,UK_3X5X2,REFUSE,-",
            "UK_5X5X5,5,UK_3X5X2,REFUSE,-");

    /** from_scheme,from_level,to_scheme,expected — one line per row of classification.csv. */
    static final List<String> CLASSIFICATION_ROWS = List.of(
            "UK_GSC,OFFICIAL,EU,RESTREINT-UE",
            "UK_GSC,OFFICIAL-SENSITIVE,EU,RESTREINT-UE",
            "UK_GSC,SECRET,EU,SECRET-UE",
            "UK_GSC,TOP-SECRET,EU,TRES-SECRET-UE",
            "EU,UNCLASSIFIED,UK_GSC,OFFICIAL",
            "EU,RESTREINT-UE,UK_GSC,OFFICIAL-SENSITIVE",
            "EU,CONFIDENTIEL-UE,UK_GSC,SECRET",
            "EU,SECRET-UE,UK_GSC,SECRET",
            "EU,TRES-SECRET-UE,UK_GSC,TOP-SECRET");

    static int rank(String scheme, String dimension, String code) {
        Integer rank = RANKS.get(scheme + "/" + dimension + "/" + code);
        if (rank == null) {
            throw new AssertionError("no expected rank for " + scheme + " " + dimension + " " + code);
        }
        return rank;
    }

    /** Every (from_scheme, from_code, to_scheme) the tables must cover for a dimension, built from {@link #CODES}. */
    static List<String> directions(String dimension, List<String> schemes) {
        List<String> out = new ArrayList<>();
        for (String from : schemes) {
            for (String to : schemes) {
                if (!from.equals(to)) {
                    for (String code : CODES.get(from + "/" + dimension)) {
                        out.add(from + "," + code + "," + to);
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, Integer> ranks(String... entries) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] kv = entry.split("=");
            if (out.put(kv[0], Integer.valueOf(kv[1])) != null) {
                throw new AssertionError("duplicate expectation " + kv[0]);
            }
        }
        return Map.copyOf(out);
    }
}
