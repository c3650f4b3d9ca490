package ${package};

import org.rnn4j.api.Activation;

/** {@code swish}: f(x) = x σ(x) (Ramachandran et al. 2017). */
public final class SwishActivation implements Activation {

    @Override
    public String name() {
        return "swish";
    }

    @Override
    public String description() {
        return "x times sigmoid(x)";
    }

    @Override
    public double value(double x) {
        return x / (1 + Math.exp(-x));
    }

    @Override
    public double derivative(double x, double fx) {
        double sigmoid = 1 / (1 + Math.exp(-x));
        return sigmoid + fx * (1 - sigmoid);
    }
}
