package org.wcs.browser;

import org.wcs.tabs.Alone;
import org.wcs.tabs.SharedTabs;

/**
 * The entry points of the one-back-end builds (pom.xml compiles each; the README's install section says which file
 * to take). Each holds only its back end's transport; the {@code Hosted} ones hold no bus either and run only on a
 * Genesys Widgets page, under the name Genesys's bus loads ({@code plugins/<back end>/webchatservice.min.js}). The
 * GMS standalone build also carries the Chat Service JS API, which runs on GMS only; the hosted builds leave it out,
 * as it would bring them the bus they otherwise do without (README, "Chat Service JS API"). The {@code Lite} ones are
 * builds for Genesys pages without the tab layer ({@link Alone}): each tab runs its chat on its own, as Genesys's own
 * service does ({@code plugins/<back end>/lite/webchatservice.min.js}).
 */
public final class Builds {
    private Builds() {
    }

    /** GMS chat v2 (REST polling and CometD), with our bus: {@code plugins/gms/webchatservice.standalone.min.js}. */
    public static final class Gms {
        public static void main(String[] args) {
            GmsBackEnd gms = new GmsBackEnd();
            WebChatServiceMain.start(new Transports(gms), gms);
        }
    }

    /** GMS chat v2 for Genesys pages: {@code plugins/gms/webchatservice.min.js}. */
    public static final class GmsHosted {
        public static void main(String[] args) {
            WebChatServiceMain.startHosted(new Transports(new GmsBackEnd()), new SharedTabs());
        }
    }

    /** GMS chat v2 over REST polling only (no CometD code), with our bus. */
    public static final class GmsRest {
        public static void main(String[] args) {
            WebChatServiceMain.start(new Transports(GmsBackEnd.restOnly()));
        }
    }

    /** GMS chat v2 over REST polling only, for Genesys pages: {@code plugins/gms-rest/webchatservice.min.js}. */
    public static final class GmsRestHosted {
        public static void main(String[] args) {
            WebChatServiceMain.startHosted(new Transports(GmsBackEnd.restOnly()), new SharedTabs());
        }
    }

    /** Genesys Cloud guest chat, with our bus. */
    public static final class GenesysCloud {
        public static void main(String[] args) {
            WebChatServiceMain.start(new Transports(new GenesysCloudBackEnd()));
        }
    }

    /** Genesys Cloud guest chat for Genesys pages. */
    public static final class GenesysCloudHosted {
        public static void main(String[] args) {
            WebChatServiceMain.startHosted(new Transports(new GenesysCloudBackEnd()), new SharedTabs());
        }
    }

    /** Multicloud CX v3, with our bus. */
    public static final class Multicloud {
        public static void main(String[] args) {
            WebChatServiceMain.start(new Transports(new MulticloudBackEnd()));
        }
    }

    /** Multicloud CX v3 for Genesys pages. */
    public static final class MulticloudHosted {
        public static void main(String[] args) {
            WebChatServiceMain.startHosted(new Transports(new MulticloudBackEnd()), new SharedTabs());
        }
    }

    /** PureConnect (ICWS web chat and chat bots), with our bus. */
    public static final class PureConnect {
        public static void main(String[] args) {
            WebChatServiceMain.start(new Transports(new PureConnectBackEnd()));
        }
    }

    /** PureConnect for Genesys pages. */
    public static final class PureConnectHosted {
        public static void main(String[] args) {
            WebChatServiceMain.startHosted(new Transports(new PureConnectBackEnd()), new SharedTabs());
        }
    }

    /** GMS chat v2 for Genesys pages, each tab on its own: {@code plugins/gms/lite/webchatservice.min.js}. */
    public static final class GmsLite {
        public static void main(String[] args) {
            WebChatServiceMain.startHosted(new Transports(new GmsBackEnd()), new Alone.Maker());
        }
    }

    /** GMS chat v2 over REST polling only for Genesys pages, each tab on its own. */
    public static final class GmsRestLite {
        public static void main(String[] args) {
            WebChatServiceMain.startHosted(new Transports(GmsBackEnd.restOnly()), new Alone.Maker());
        }
    }

    /** Genesys Cloud guest chat for Genesys pages, each tab on its own. */
    public static final class GenesysCloudLite {
        public static void main(String[] args) {
            WebChatServiceMain.startHosted(new Transports(new GenesysCloudBackEnd()), new Alone.Maker());
        }
    }

    /** Multicloud CX v3 for Genesys pages, each tab on its own. */
    public static final class MulticloudLite {
        public static void main(String[] args) {
            WebChatServiceMain.startHosted(new Transports(new MulticloudBackEnd()), new Alone.Maker());
        }
    }

    /** PureConnect for Genesys pages, each tab on its own. */
    public static final class PureConnectLite {
        public static void main(String[] args) {
            WebChatServiceMain.startHosted(new Transports(new PureConnectBackEnd()), new Alone.Maker());
        }
    }
}
