package org.wcs.sandbox.gms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The other side of one emulated chat: what an agent, a supervisor, a bot or the system does, in tests and demos. */
public final class GmsAgent {
    private final GmsChat chat;
    private final GmsEmulator emulator;
    private Integer agent;

    GmsAgent(GmsChat chat, GmsEmulator emulator) {
        this.chat = chat;
        this.emulator = emulator;
    }

    public GmsChat chat() {
        return chat;
    }

    public GmsAgent joins(String name) {
        agent = chat.join("Agent", name, null);
        return this;
    }

    public GmsAgent supervisorJoins(String name) {
        chat.join("Supervisor", name, null);
        return this;
    }

    /** A bot is an External party whose eventAttributes say {@code GCTI_SYSTEM.party-info.style = BOT}. */
    public GmsAgent botJoins(String name) {
        chat.join("External", name, bot());
        return this;
    }

    public GmsAgent botSays(String text) {
        Integer bot = chat.participant("External");
        chat.add(bot == null ? chat.system() : bot, "Message", text, bot());
        return this;
    }

    private static ObjectNode bot() {
        ObjectNode attributes = GmsChat.JSON.createObjectNode();
        attributes.putObject("GCTI_SYSTEM").putObject("party-info").put("style", "BOT");
        return attributes;
    }

    private int agent() {
        if (agent == null) {
            agent = chat.participant("Agent");
        }
        if (agent == null) {
            joins("Agent");
        }
        return agent;
    }

    public GmsAgent typing(boolean started) {
        chat.add(agent(), started ? "TypingStarted" : "TypingStopped", "", null);
        return this;
    }

    public GmsAgent says(String text) {
        chat.add(agent(), "Message", text, null, e -> e.put("messageType", "text"));
        return this;
    }

    public GmsAgent pushUrl(String url) {
        chat.add(agent(), "PushUrl", url, null);
        return this;
    }

    /** A system notice (External, not a bot). */
    public GmsAgent notice(String text) {
        chat.add(chat.system(), "Notice", text, null);
        return this;
    }

    /** The agent sends a file: it is stored for download and shown as FileUploaded. */
    public GmsAgent sendsFile(String name, String text) {
        GmsEmulator.StoredFile f = emulator.store(chat, name, "text/plain", text.getBytes(StandardCharsets.UTF_8));
        chat.add(agent(), "FileUploaded", f.id(), null, e -> e.putObject("userData").put("file-id", f.id())
                .put("file-name", name).put("file-size", Integer.toString(f.bytes().length)));
        return this;
    }

    /** The inactivity warning: closes in {@code seconds} unless the customer does something. */
    public GmsAgent idleAlert(int seconds) {
        chat.add(chat.system(), "IdleAlert", "", null, e -> e.putObject("userData").put("next-idle-timer-type", "CLOSE")
                .put("next-idle-timer-secs", Integer.toString(seconds)));
        return this;
    }

    /** The system closes the chat for inactivity. */
    public GmsAgent idleClose() {
        chat.add(chat.system(), "IdleClose", "", null);
        chat.end();
        return this;
    }

    public GmsAgent leaves() {
        chat.leave(agent());
        agent = null;
        return this;
    }

    /** The agent ends the chat: leaves, and every later answer says {@code chatEnded:true}. */
    public GmsAgent ends() {
        if (chat.participant("Agent") != null) {
            leaves();
        }
        chat.end();
        return this;
    }
}
