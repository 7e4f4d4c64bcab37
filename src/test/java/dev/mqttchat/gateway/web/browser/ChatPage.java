package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page as a reader uses it: what a test may click, type and read, by the page's
 * labels and ids.
 */
final class ChatPage {

	static final By CONFIRMED = By.cssSelector("#messages li.message:not(.pending)");

	private final WebDriver driver;

	private final String baseUrl;

	ChatPage(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	WebDriver driver() {
		return this.driver;
	}

	ChatPage open(String pathOrUrl) {
		this.driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : this.baseUrl + pathOrUrl);
		return this;
	}

	WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout);
		wait.pollingEvery(Duration.ofMillis(50));
		return wait;
	}

	WebDriverWait waiting() {
		return waiting(Duration.ofSeconds(10));
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	ChatPage setUsername(String name) {
		WebElement field = find("#username");
		field.clear();
		// Tab away so the change event stores it, as a reader leaving the field does.
		field.sendKeys(name, Keys.TAB);
		return this;
	}

	/**
	 * Creates a room through the form and waits until the page is connected to it;
	 * returns the room id.
	 */
	String createRoom(String name) {
		WebElement field = find("#room-name");
		field.clear();
		field.sendKeys(name);
		find("#create-room").click();
		waiting().until(ExpectedConditions.urlMatches("/rooms/[A-Za-z0-9]{16,64}$"));
		awaitStatus("connected");
		return roomId();
	}

	String roomId() {
		String url = this.driver.getCurrentUrl();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	ChatPage awaitStatus(String state) {
		return awaitStatus(state, Duration.ofSeconds(10));
	}

	ChatPage awaitStatus(String state, Duration timeout) {
		waiting(timeout).until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", state));
		return this;
	}

	String status() {
		return find("#status").getText();
	}

	/** Types {@code text} into the message box and presses Enter. */
	ChatPage send(CharSequence... keys) {
		WebElement message = find("#message");
		message.sendKeys(keys);
		message.sendKeys(Keys.ENTER);
		return this;
	}

	/**
	 * Puts {@code text} into the message box as pasting does: through the browser's
	 * editing, which a {@code maxlength} would cut (typing thousands of keys would be
	 * slow).
	 */
	ChatPage paste(String text) {
		script("const box = document.getElementById('message'); box.focus();"
				+ " document.execCommand('insertText', false, arguments[0]);", text);
		return this;
	}

	/** The length of what the message box holds. */
	int messageLength() {
		return find("#message").getDomProperty("value").length();
	}

	/**
	 * Waits for the reader's own message marked as not sent and returns its list item.
	 */
	WebElement awaitNotSent() {
		return waiting()
			.until((driver) -> findAll("#messages li.pending[data-state='failed']").stream().findFirst().orElse(null));
	}

	/** The labels of the buttons a not-sent message offers, such as Retry and Edit. */
	static List<String> offeredButtons(WebElement notSent) {
		return notSent.findElements(By.cssSelector("button")).stream().map(WebElement::getText).toList();
	}

	/** The owner token this browser keeps for a room it created, or null. */
	String ownerToken(String roomId) {
		return (String) script(
				"return JSON.parse(localStorage.getItem('chat.ownedRooms') || '{}')[arguments[0]] ?? null;", roomId);
	}

	/**
	 * Waits for a received (room-confirmed) message with exactly this text and returns
	 * its list item.
	 */
	WebElement awaitMessage(String text) {
		return waiting(Duration.ofSeconds(15)).until((driver) -> confirmedMessages().stream()
			.filter((item) -> text.equals(textOf(item)))
			.findFirst()
			.orElse(null));
	}

	/**
	 * The texts of the received messages, in list order, read in one script call (fast
	 * for long lists).
	 */
	@SuppressWarnings("unchecked")
	List<String> shownTexts() {
		return (List<String>) script("return [...document.querySelectorAll('#messages li.message:not(.pending)')]"
				+ ".map((item) => item.querySelector('.text').textContent);");
	}

	/** The message ids of the received messages, in list order. */
	@SuppressWarnings("unchecked")
	List<String> shownIds() {
		return (List<String>) script("return [...document.querySelectorAll('#messages li.message:not(.pending)')]"
				+ ".map((item) => item.dataset.id);");
	}

	/** The per-room sequence numbers of the received messages, in list order. */
	@SuppressWarnings("unchecked")
	List<Long> shownSeqs() {
		return (List<Long>) script("return [...document.querySelectorAll('#messages li.message:not(.pending)')]"
				+ ".map((item) => Number(item.dataset.seq));");
	}

	/** Waits until the received messages end with this text. */
	ChatPage awaitLastText(String text, Duration timeout) {
		waiting(timeout).until((driver) -> {
			List<String> texts = shownTexts();
			return !texts.isEmpty() && text.equals(texts.get(texts.size() - 1));
		});
		return this;
	}

	/**
	 * With a {@link PageProbe}: waits until the page's WebSocket received the message
	 * with this text.
	 */
	ChatPage awaitFrameWithText(String text) {
		String json = "\"text\":\"" + text + "\"";
		waiting().until((driver) -> Boolean.TRUE
			.equals(script("return window.__probe.frames.some((frame) => frame.includes(arguments[0]));", json)));
		return this;
	}

	/**
	 * With a {@link PageProbe}: the page's history requests wait from now on, until
	 * {@link #releaseHistory()}.
	 */
	ChatPage holdHistory() {
		script("window.__probe.hold();");
		return this;
	}

	/**
	 * With a {@link PageProbe}: waits until a history request of the page is being held.
	 */
	ChatPage awaitHeldHistoryRequest() {
		waiting(Duration.ofSeconds(15))
			.until((driver) -> ((Number) script("return window.__probe.waiting;")).intValue() > 0);
		return this;
	}

	ChatPage releaseHistory() {
		script("window.__probe.release();");
		return this;
	}

	List<WebElement> confirmedMessages() {
		return this.driver.findElements(CONFIRMED);
	}

	/**
	 * Moves the mouse over a message, as a reader about to use its actions does (they
	 * show on hover), and returns it.
	 */
	static WebElement reveal(WebElement item) {
		new Actions(((WrapsDriver) item).getWrappedDriver()).moveToElement(item).perform();
		return item;
	}

	static String textOf(WebElement item) {
		return item.findElement(By.cssSelector(".text")).getText();
	}

	static String senderOf(WebElement item) {
		// The sender is visually hidden on grouped messages, so read the DOM text rather
		// than the rendered one.
		return item.findElement(By.cssSelector(".sender")).getDomProperty("textContent");
	}

	/** Clicks "Copy link" and returns the link the page shows for copying. */
	String copyLink() {
		find("#copy-link").click();
		WebElement link = find("#share-link");
		waiting().until((driver) -> link.isDisplayed() && !link.getDomProperty("value").isEmpty());
		return link.getDomProperty("value");
	}

	/**
	 * Presses Tab until the element with this id has focus, as a keyboard-only reader
	 * would, and returns it.
	 */
	WebElement tabTo(String id) {
		for (int presses = 0; presses < 40; presses++) {
			if (id.equals(activeElementId())) {
				return this.driver.switchTo().activeElement();
			}
			// A key press, not sendKeys to the element: on a file input that would pick a
			// file.
			new Actions(this.driver).sendKeys(Keys.TAB).perform();
		}
		throw new AssertionError("#" + id + " not reachable with the Tab key");
	}

	String activeElementClass() {
		return String.valueOf(script("return document.activeElement.className;"));
	}

	String activeElementId() {
		return (String) script("return document.activeElement ? document.activeElement.id : null;");
	}

	/** Whether the whole element lies inside the visible viewport. */
	boolean inViewport(String css) {
		return (Boolean) script("""
				const r = document.querySelector(arguments[0]).getBoundingClientRect();
				return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0
					&& r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
				""", css);
	}

	/**
	 * Whether the whole element shows inside the conversation's scrolling area (not
	 * scrolled out of it).
	 */
	boolean inConversationView(String css) {
		return (Boolean) script("""
				const s = document.getElementById('scroller').getBoundingClientRect();
				const r = document.querySelector(arguments[0]).getBoundingClientRect();
				return r.height > 0 && r.top >= s.top - 0.5 && r.bottom <= s.bottom + 0.5;
				""", css);
	}

	/** Whether anything makes the page wider than the viewport, i.e. scroll sideways. */
	boolean overflowsSideways() {
		return (Boolean) script("return document.documentElement.scrollWidth > innerWidth"
				+ " || document.body.scrollWidth > innerWidth;");
	}

}
