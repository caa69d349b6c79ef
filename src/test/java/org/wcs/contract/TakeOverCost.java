package org.wcs.contract;

import org.wcs.jvm.JvmHttp;
import org.wcs.sandbox.Sandbox;

/**
 * What it costs a tab to take a long chat over when the leader's tab closes (README figures, run by
 * {@code org.wcs.bench.TakeOverBench}): two tabs show a chat of {@code lines} agent messages; the leader's tab closes,
 * the agent says one more line, and the other tab leads. Counted in that tab from the close until it shows the new
 * line: the bytes of the answers it read (HTTP bodies: the emulators' pushes over a socket are not in it, only what a
 * tab reads over HTTP), the requests it sent, and the wall time on this machine.
 */
public final class TakeOverCost {
    private TakeOverCost() {
    }

    /** What was counted in the tab that took over. */
    public record Measure(long answerBytes, int requests, double wallMs) {
    }

    public static Measure measure(Sandbox sandbox, String backEnd, int lines) {
        BackEnd b = IdleCost.find(backEnd);
        TwoTabs tabs = new TwoTabs(b, sandbox);
        try {
            ContractPage leader = tabs.leader, follower = tabs.follower;
            for (int i = 0; i < lines; i++) {
                leader.desk.say(leader.chatId, "line " + i + " of the long chat, with some words in it as agents write");
            }
            follower.until(() -> follower.said("line " + (lines - 1) + " of the long chat, with some words in it"
                    + " as agents write") == 1);
            JvmHttp http = follower.tab.http;
            int answersBefore = http.answers.size();
            int sentBefore = http.sent.size();
            long t0 = System.nanoTime();
            tabs.first.close();
            leader.desk.say(leader.chatId, "After the take-over");
            follower.until(() -> follower.said("After the take-over") == 1);
            double wallMs = (System.nanoTime() - t0) / 1e6;
            long bytes = 0;
            synchronized (http.answers) {
                for (JvmHttp.Answer a : http.answers.subList(answersBefore, http.answers.size())) {
                    bytes += a.response().body.length();
                }
            }
            return new Measure(bytes, http.sent.size() - sentBefore, wallMs);
        } finally {
            tabs.second.close();
        }
    }
}
