package io.nernst.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggestionsTest {

    @Test
    void editDistanceOfKnownPairs() {
        assertEquals(3, NameSuggestions.editDistance("kitten", "sitting"));
        assertEquals(0, NameSuggestions.editDistance("", ""));
        assertEquals(5, NameSuggestions.editDistance("", "until"));
        assertEquals(1, NameSuggestions.editDistance("unti", "until"));
    }

    @Test
    void closestIgnoresCaseAndPrefersTheNearest() {
        List<String> names = List.of("Negative electrode thickness", "Positive electrode thickness", "Separator thickness");
        assertEquals("Positive electrode thickness", NameSuggestions.closest("positive electrode thicknes", names));
        assertEquals("Separator thickness", NameSuggestions.closest("SEPARATOR THICKNESS", names));
        assertNull(NameSuggestions.closest("x", List.of()));
    }
}
