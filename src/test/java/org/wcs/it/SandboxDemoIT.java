package org.wcs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.wcs.sandbox.AgentDesk;
import org.wcs.sandbox.AgentScript;
import org.wcs.sandbox.Sandbox;

/**
 * Issue 7: the demo widget, built only on bus commands and events, through a whole chat on every emulated back end,
 * with the scripted agent and with a person in the agent console; screenshots must not be blank and no page may log
 * an error.
 */
class SandboxDemoIT extends InBrowser {

    @BeforeAll
    static void scriptedAgent() {
        sandbox.startScriptedAgent(AgentScript.parse("wait 300; join Grace; typing 300; say Hello, I'm Grace.; reply"));
    }

    /** Every desk's back end, and PureConnect's chat bots, which share the PureConnect desk. */
    static List<String> backends() throws Exception {
        try (Sandbox s = Sandbox.start(0, Path.of("."))) {
            List<String> out = new java.util.ArrayList<>(s.desks().stream().map(AgentDesk::backend).toList());
            out.add("pureconnectbots");
            return out;
        }
    }

    private void type(String css, String text) {
        browser.driver.findElement(By.cssSelector(css)).sendKeys(text);
    }

    private String transcript() {
        return browser.driver.findElement(By.cssSelector(".transcript")).getText();
    }

    private void waitForText(String text) {
        browser.waitFor("document.querySelector('.transcript').textContent.indexOf(" + quote(text) + ") >= 0");
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private void startChat() {
        type("#chat-firstname", "Ada");
        type("#chat-lastname", "Lovelace");
        browser.driver.findElement(By.cssSelector(".prechat button")).click();
        browser.waitFor("!document.querySelector('.composer').hidden");
    }

    private void say(String text) {
        type("#chat-message", text + "\n");
    }

    @org.junit.jupiter.api.Test
    void theLandingPageOffersEveryBackEndAndOpensTheDemo() throws Exception {
        open("/");
        for (String backend : backends()) {
            assertEquals(1, browser.driver.findElements(By.cssSelector("input[name=backend][value=" + backend + "]"))
                    .size(), backend);
        }
        screenshot("landing");
        browser.driver.findElement(By.cssSelector("input[name=agent][value=console]")).click();
        browser.driver.findElement(By.cssSelector("form.pick button")).click();
        browser.waitFor("location.pathname === '/demo/demo.html' && location.search.indexOf('agent=console') >= 0");
        assertEquals(List.of(), browser.severeConsoleLines());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aChatWithTheScriptedAgent(String backend) throws Exception {
        // given
        open("/demo/demo.html?backend=" + backend + "&agent=scripted");
        // when
        startChat();
        waitForText("Hello, I'm Grace.");
        say("What does <b>bold</b> do?");
        waitForText("You said: What does <b>bold</b> do?");
        // then message text stays text
        assertEquals(0, ((Number) browser.js("return document.querySelectorAll('.transcript b').length;")).intValue());
        assertTrue(browser.driver.findElement(By.cssSelector("#inspector-log")).getText()
                .contains("DemoWidget → WebChatService.sendMessage"), "the inspector saw the command");
        screenshot("demo-" + backend);
        // and a reload keeps the chat
        browser.driver.navigate().refresh();
        waitForText("Hello, I'm Grace.");
        browser.waitFor("!document.querySelector('.composer').hidden");
        say("bye");
        waitForText("Chat ended");
        assertEquals(List.of(), browser.severeConsoleLines());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aChatWithAPersonInTheAgentConsole(String backend) throws Exception {
        // given the customer in one window
        open("/demo/demo.html?backend=" + backend + "&agent=console");
        String customer = browser.driver.getWindowHandle();
        startChat();
        // and the agent console in a second one
        browser.driver.switchTo().newWindow(WindowType.WINDOW);
        String agent = browser.driver.getWindowHandle();
        browser.driver.get(sandbox.url() + "/agent.html");
        browser.waitFor("!document.getElementById('composer').hidden");
        browser.driver.findElement(By.id("agent-name")).clear();
        browser.driver.findElement(By.id("agent-name")).sendKeys("Alex");
        browser.driver.findElement(By.id("accept")).click();
        browser.driver.findElement(By.id("agent-message")).sendKeys("Hi, Alex here");
        // when the customer sees the agent typing, then the message
        browser.driver.switchTo().window(customer);
        browser.waitFor("document.querySelector('.typing').textContent.indexOf('typing') >= 0");
        browser.driver.switchTo().window(agent);
        browser.driver.findElement(By.id("agent-message")).sendKeys("\n");
        browser.driver.switchTo().window(customer);
        waitForText("Hi, Alex here");
        say("Thanks Alex");
        browser.driver.switchTo().window(agent);
        browser.waitFor("document.getElementById('transcript').textContent.indexOf('Thanks Alex') >= 0");
        screenshot("agent-console-" + backend);
        browser.driver.findElement(By.id("end")).click();
        browser.driver.switchTo().window(customer);
        waitForText("Chat ended");
        screenshot("demo-console-" + backend);
        assertEquals(List.of(), browser.severeConsoleLines());
        browser.driver.switchTo().window(agent).close();
        browser.driver.switchTo().window(customer);
    }

    /** Saves a screenshot under target/screenshots and checks that it shows something. */
    private void screenshot(String name) throws Exception {
        byte[] png = browser.driver.getScreenshotAs(OutputType.BYTES);
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, name + " looks blank: " + colours.size() + " colours");
    }
}
