package org.wcs.sandbox.nexus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns flat form fields in jQuery's bracket notation into nested maps and lists, the way PHP/Express-style servers
 * read them: {@code data[userData][Lang]=en} becomes {@code {data: {userData: {Lang: "en"}}}}, {@code k[]=a&k[]=b}
 * a list, {@code k[0][f]=v} a list of maps. Every leaf stays a string.
 */
final class BracketForm {
    private BracketForm() {
    }

    static Map<String, Object> parse(Map<String, List<String>> flat) {
        Map<String, Object> root = new LinkedHashMap<>();
        flat.forEach((key, values) -> {
            for (String v : values) {
                put(root, path(key), v);
            }
        });
        return root;
    }

    /** {@code a[b][]} as {@code [a, b, ""]}. */
    static List<String> path(String key) {
        List<String> out = new ArrayList<>();
        int open = key.indexOf('[');
        if (open <= 0 || !key.endsWith("]")) {
            out.add(key);
            return out;
        }
        out.add(key.substring(0, open));
        while (open >= 0 && open < key.length()) {
            int close = key.indexOf(']', open);
            if (close < 0) {
                break;
            }
            out.add(key.substring(open + 1, close));
            open = close + 1 < key.length() && key.charAt(close + 1) == '[' ? close + 1 : -1;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Object node = root;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            boolean last = i == path.size() - 1;
            String next = last ? null : path.get(i + 1);
            boolean listNext = next != null && (next.isEmpty() || next.chars().allMatch(Character::isDigit));
            if (node instanceof Map) {
                Map<String, Object> map = (Map<String, Object>) node;
                if (last) {
                    map.put(segment, value);
                    return;
                }
                node = map.computeIfAbsent(segment, k -> listNext ? new ArrayList<>() : new LinkedHashMap<>());
            } else if (node instanceof List) {
                List<Object> list = (List<Object>) node;
                if (segment.isEmpty()) {
                    if (last) {
                        list.add(value);
                        return;
                    }
                    Object child = listNext ? new ArrayList<>() : new LinkedHashMap<>();
                    list.add(child);
                    node = child;
                    continue;
                }
                int at = Integer.parseInt(segment);
                while (list.size() <= at) {
                    list.add(null);
                }
                if (last) {
                    list.set(at, value);
                    return;
                }
                if (list.get(at) == null) {
                    list.set(at, listNext ? new ArrayList<>() : new LinkedHashMap<>());
                }
                node = list.get(at);
            } else {
                return; // a leaf where a container was expected: the later field loses, as in most servers
            }
        }
    }
}
