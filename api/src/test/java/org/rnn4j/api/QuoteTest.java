package org.rnn4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Untrusted text quoted in a message stays on one line and short. */
final class QuoteTest {

    @Test
    void lineBreaksOfEveryKindAndControlCharactersAreReplaced() {
        assertEquals("a?b?c?d?e", InvalidInputException.quote("a\nb\rc\u2028d\u2029e"));
        assertEquals("tab?nul?", InvalidInputException.quote("tab\tnul\u0000"));
    }

    @Test
    void longTextIsCutToEightyCharacters() {
        String quoted = InvalidInputException.quote("x".repeat(500));
        assertEquals(80, quoted.length());
        assertEquals("x".repeat(77) + "...", quoted);
    }
}
