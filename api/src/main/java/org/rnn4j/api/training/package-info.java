/** What trainers are given and report: setups, sessions, updaters and training events. */
package org.rnn4j.api.training;
