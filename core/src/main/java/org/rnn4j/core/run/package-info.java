/** What a run leaves on disk. */
package org.rnn4j.core.run;
