package org.rnn4j.api;

import org.rnn4j.api.network.Network;

/**
 * A kind of network ({@code elman}, {@code jordan}, …): a factory that builds a
 * {@link Network} from its settings and the data's input and output sizes.
 *
 * <p>Its defaults live in its module's {@code reference.conf} under
 * {@code rnn4j.topologies.<name>}; a run's {@code rnn4j.topology} block overrides them.
 */
public interface Topology extends Plugin {

    /**
     * Builds a network with freshly initialised parameters.
     *
     * @throws InvalidInputException when a setting is out of range
     */
    Network build(TopologyContext context);
}
