package org.wcs.bus;

/** Every text the bus gives page code: rejection reasons, as the specs name them. */
public final class BusTexts {
    private BusTexts() {
    }

    public static final String COMMAND_DOES_NOT_EXIST = "Command does not exist";
    public static final String LOAD_FAILED =
            "Could not load plugin file in given location. Check your plugins path option.";
    public static final String CANCELLED = "Command was cancelled by a 'before' function.";
    public static final String PLUGIN_FILE_FAILED = "Could not load plugin file: ";
    public static final String FILE_FAILED = "Could not load file: ";
    public static final String MODULE_FAILED = "Could not load module: ";
}
