package org.wcs.sandbox.gms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.wcs.sandbox.Exchange;

/** The calls on an existing chat: refresh, send, typing, notices, data, disconnect and files. */
final class GmsCalls {
    static final int MAX_FILES = 5;
    static final int MAX_FILE_SIZE = 10 * 1024 * 1024;
    static final String FILE_TYPES = "jpg:jpeg:png:gif:pdf:txt";
    private static final String SIZE_ERROR = "{\"code\":202,\"advice\":\"" + MAX_FILE_SIZE + "\"}";
    /** The refusal of a file over {@link #MAX_FILE_SIZE}, whether found while reading the body or after. */
    static final String TOO_LARGE = "{\"statusCode\":2,\"errors\":[" + SIZE_ERROR + "]}";

    private final GmsEmulator emulator;
    private final GmsChat chat;
    private final Exchange x;
    private final Map<String, List<String>> form;
    private final GmsFault fault;

    GmsCalls(GmsEmulator emulator, GmsChat chat, Exchange x, Map<String, List<String>> form, GmsFault fault) {
        this.emulator = emulator;
        this.chat = chat;
        this.x = x;
        this.form = form;
        this.fault = fault;
    }

    private String field(String key) {
        return GmsEmulator.value(form, key);
    }

    private void ok(ObjectNode answer) {
        x.json(200, answer.toString());
    }

    void run(String op) throws Exception {
        switch (op) {
            case "file/limits" -> limits();
            case "file" -> upload();
            case "file/download" -> download();
            default -> {
                ObjectNode a = answer(op);
                if (a == null) {
                    x.json(400, "{\"statusCode\":2,\"errors\":[{\"code\":500,\"advice\":\"unknown operation\"}]}");
                } else {
                    ok(a);
                }
            }
        }
    }

    /** A call on the chat that is not about files: its answer, or null for an unknown one. */
    ObjectNode answer(String op) throws Exception {
        boolean unavailable = fault != null && fault.kind() == GmsFault.Kind.STATUS_ONE;
        switch (op) {
            case "refresh" -> {
                chat.preview = field("message");
                ObjectNode a = chat.envelope(unavailable ? 1 : 0);
                String p = field("transcriptPosition");
                a.set("messages", unavailable ? GmsChat.JSON.createArrayNode()
                        : GmsEmulator.shaped(chat.from(p.isEmpty() ? 1 : Integer.parseInt(p)), fault));
                return a;
            }
            case "send" -> {
                if (!chat.ended()) {
                    String attributes = field("eventAttributes");
                    JsonNode parsed = attributes.isEmpty() ? null : GmsChat.JSON.readTree(attributes);
                    chat.add(1, "Message", field("message"), null, e -> {
                        e.put("messageType", field("messageType").isEmpty() ? "text" : field("messageType"));
                        if (parsed != null) {
                            e.set("eventAttributes", parsed);
                        }
                    });
                }
                return chat.envelope(0);
            }
            case "startTyping", "stopTyping" -> {
                chat.preview = field("message");
                return chat.envelope(0);
            }
            case "customNotice" -> {
                if (!field("message").isEmpty()) {
                    chat.add(1, "CustomNotice", field("message"), null);
                }
                return chat.envelope(0);
            }
            case "updateData" -> {
                form.forEach((k, v) -> {
                    if (k.startsWith("userData[") && k.endsWith("]")) {
                        chat.userData.put(k.substring(9, k.length() - 1), v.get(0));
                    }
                });
                return chat.envelope(0);
            }
            case "disconnect" -> {
                if (!chat.ended()) {
                    chat.leave(1);
                    chat.end();
                }
                return chat.envelope(0);
            }
            default -> {
                return null;
            }
        }
    }

    private void limits() {
        ObjectNode a = chat.envelope(0);
        ObjectNode notice = a.putArray("messages").addObject();
        // from the customer who asked, as third-party captures show it (spec gms-v2 §3.9), not part of the transcript
        notice.putObject("from").put("nickname", chat.customerName()).put("participantId", 1).put("type", "Client");
        notice.put("type", "Notice");
        notice.put("text", "file-client-cfg-get");
        notice.put("utcTime", emulator.clock.getAsLong());
        ObjectNode ud = notice.putObject("userData");
        int used = chat.files.size();
        ud.put("upload-max-files", Integer.toString(MAX_FILES));
        ud.put("used-upload-max-files", Integer.toString(used));
        ud.put("upload-max-file-size", Integer.toString(MAX_FILE_SIZE));
        ud.put("upload-max-total-size", Integer.toString(5 * MAX_FILE_SIZE));
        ud.put("used-upload-max-total-size", "0");
        ud.put("upload-file-types", FILE_TYPES);
        ud.put("upload-need-agent", "true");
        ud.put("download-attempts", "3");
        ud.put("used-download-attempts", "0");
        ud.put("delete-file", "odd");
        ok(a);
    }

    private void upload() throws Exception {
        List<Exchange.Upload> uploads = x.files();
        if (uploads.isEmpty()) {
            x.json(400, "{\"statusCode\":2,\"errors\":[{\"code\":203,\"advice\":\"no file\"}]}");
            return;
        }
        Exchange.Upload u = uploads.get(0);
        String ext = u.fileName().substring(u.fileName().lastIndexOf('.') + 1).toLowerCase();
        String error = chat.files.size() >= MAX_FILES ? "{\"code\":201,\"advice\":\"" + MAX_FILES + "\"}"
                : u.bytes().length > MAX_FILE_SIZE ? SIZE_ERROR
                : !(":" + FILE_TYPES + ":").contains(":" + ext + ":") ? "{\"code\":203,\"advice\":\"" + FILE_TYPES
                        + "\"}" : null;
        if (error != null) {
            x.json(400, "{\"statusCode\":2,\"errors\":[" + error + "]}");
            return;
        }
        GmsEmulator.StoredFile f = emulator.store(chat, u.fileName(), u.contentType(), u.bytes());
        chat.add(1, "FileUploaded", f.id(), null, e -> e.putObject("userData").put("file-id", f.id())
                .put("file-name", f.name()).put("file-size", Integer.toString(f.bytes().length)));
        ObjectNode a = chat.envelope(0);
        a.putObject("userData").put("file-id", f.id());
        a.putArray("messages");
        ok(a);
    }

    private void download() {
        String[] parts = x.path.split("/");
        String id = field("fileId").isEmpty() ? parts[parts.length - 2] : field("fileId");
        GmsEmulator.StoredFile f = chat.files.get(id);
        if (f == null || !chat.secureKey.equals(field("secureKey"))) {
            x.json(404, "{\"statusCode\":2,\"errors\":[{\"code\":404,\"advice\":\"file not found\"}]}");
            return;
        }
        x.response.getHeaders().put("Content-Disposition", "attachment; filename=\"" + f.name() + "\"");
        x.send(200, f.type(), f.bytes());
    }
}
