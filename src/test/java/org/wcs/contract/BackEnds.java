package org.wcs.contract;

import java.util.List;

/** The back ends every contract scenario runs against. A back end added later is one more line. */
final class BackEnds {
    private BackEnds() {
    }

    static List<BackEnd> all() {
        return List.of(new GmsRestBackEnd(), new CometdBackEnd(), new GenesysCloudBackEnd(),
                new MulticloudV3BackEnd(), new PureConnectRestBackEnd(), new PureConnectBotsBackEnd());
    }
}
