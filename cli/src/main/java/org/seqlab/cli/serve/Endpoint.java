package org.seqlab.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** One route's work: a parsed request in, a JSON body out (status 200), or an {@link ApiException}. */
@FunctionalInterface
interface Endpoint {
  JsonNode handle(Request request) throws IOException;
}
