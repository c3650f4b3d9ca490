package org.rnn4j.core.data;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.rnn4j.api.data.DataSet;

/**
 * The data as the network sees it: transformed ({@link Transform}: log, differences), then
 * standardised ({@link Normalization}, fitted on the transformed training data). Predictions go
 * back the other way: unscaled, then the transform undone.
 *
 * @param transform     what the model's configuration says ({@code rnn4j.data.transform}), never null
 * @param normalization fitted with the model, or null for none
 */
public record Encoding(Transform transform, Normalization normalization) {

    /** The data as they are. */
    public static final Encoding NONE = new Encoding(Transform.NONE, null);

    public Encoding {
        java.util.Objects.requireNonNull(transform, "transform");
    }

    /** {@code transform}, and standardisation fitted on {@code training} transformed (its differenced steps) when {@code normalize}. */
    public static Encoding fit(DataSet training, Transform transform, boolean normalize) {
        return new Encoding(transform, normalize ? Normalization.fit(transform.defined(transform.apply(training))) : null);
    }

    /** {@code data} as the network is trained and run on it. */
    public DataSet encode(DataSet data) {
        DataSet transformed = transform.apply(data);
        return normalization == null ? transformed : normalization.apply(transformed);
    }

    /** {@code data} with only the targets a prediction can be made for: what is scored. */
    public DataSet scorable(DataSet data) {
        return transform.scorable(data);
    }

    /** Predictions for {@code data}'s sequences, already unscaled, turned back into the data's units in place. */
    public void restore(DataSet data, List<DMatrixRMaj> predictions) {
        for (int s = 0; s < predictions.size(); s++) {
            transform.restore(data.sequences().get(s), predictions.get(s));
        }
    }
}
