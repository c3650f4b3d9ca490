/** Contract checks for networks: {@link org.rnn4j.tck.ContractChecks} to run, {@link org.rnn4j.tck.NetworkContractTest} to extend. */
package org.rnn4j.tck;
