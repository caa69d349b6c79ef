package org.wcs.browser;

import org.wcs.transport.Transport;
import org.wcs.transport.TransportContext;
import org.wcs.transport.TransportFactory;

/**
 * The composition of every back end, beside the entry points that wire it (the only place that knows them all): the
 * first back end that takes {@code _genesys.widgets.webchat} makes the transport. Each back end is its own factory
 * so that a build of one back end (see {@link Builds}) holds no code of the others.
 */
public final class Transports implements TransportFactory {
    private final TransportFactory[] backEnds;

    /** Every back end: the all-back-ends file. */
    public Transports() {
        this(new GmsBackEnd(), new GenesysCloudBackEnd(), new MulticloudBackEnd(), new PureConnectBackEnd());
    }

    Transports(TransportFactory... backEnds) {
        this.backEnds = backEnds;
    }

    @Override
    public Transport create(TransportContext context) {
        for (TransportFactory f : backEnds) {
            Transport t = f.create(context);
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
