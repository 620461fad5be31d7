/**
 * Requests for information and their deadlines (Directive (EU) 2023/977 Art. 4 and 5): the urgency rule a request
 * must satisfy, the time limit for its reply, and the record of requests still waiting for one, in both directions
 * and shared by every gateway node.
 */
package uk.xborder.gateway.requests;
