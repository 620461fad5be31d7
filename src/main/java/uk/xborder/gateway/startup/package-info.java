/**
 * What the gateway checks and prepares before it starts: that a gateway reachable from elsewhere does not run on the
 * published example material ({@link uk.xborder.gateway.startup.ExposureGuard}), and that its data directory is its
 * own ({@link uk.xborder.gateway.startup.DataDirectory}).
 */
package uk.xborder.gateway.startup;
