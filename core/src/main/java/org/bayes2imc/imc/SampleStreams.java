package org.bayes2imc.imc;

/**
 * Whether deployments (and evaluation times) read with their own random streams or with common ones. Physically
 * every chip's reads are independent ({@link #INDEPENDENT}, the default); then the spread of a figure across
 * deployments adds the Monte-Carlo noise of a finite S-member ensemble to the deployment-to-deployment variation.
 * {@link #COMMON} random numbers (the same uniform for a given member, layer, chunk and synapse in every deployment
 * and at every time) is the classic paired design: a synapse's sample differs between two deployments only where
 * their realised probabilities straddle that uniform, so the spread measures what programming, drift and
 * compensation do, and a correction's effect on it is not hidden under sampling noise.
 */
public enum SampleStreams {
    INDEPENDENT,
    COMMON;

    /** Reads independent, common (case-insensitive). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static SampleStreams parse(String s) {
        for (SampleStreams v : values()) {
            if (v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw new org.bayes2imc.io.InvalidSetting("sample_streams", "must be independent or common, got '" + s + "'");
    }
}
