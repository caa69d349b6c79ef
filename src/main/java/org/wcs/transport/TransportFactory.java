package org.wcs.transport;

/** Picks and builds the transport for a {@code _genesys.widgets.webchat} configuration; null when none fits. */
public interface TransportFactory {
    Transport create(TransportContext context);
}
