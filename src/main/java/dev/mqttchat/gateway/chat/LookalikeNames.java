package dev.mqttchat.gateway.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.SpoofChecker;
import org.jspecify.annotations.Nullable;

/**
 * Names that may imitate others, by Unicode's confusable data (UTS #39, ICU's
 * {@link SpoofChecker}): a name that mixes scripts the way spoofs do (Latin with Cyrillic
 * or Greek, say), and the skeleton by which a page tells two names that look alike.
 */
public final class LookalikeNames {

	/** A name's verdict: whether it mixes scripts, and its skeleton if not itself. */
	private record Verdict(boolean mixed, @Nullable String skeleton) {
	}

	// Bounded: names are few, but anyone can invent new ones; a full cache starts anew.
	private static final int CACHE_SIZE = 10_000;

	// Moderately restrictive: Latin with Han, Japanese or Korean passes; Latin with
	// Cyrillic or Greek, or two non-Latin scripts, does not.
	private static final SpoofChecker CHECKER = new SpoofChecker.Builder()
		.setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
		.build();

	private static final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

	private LookalikeNames() {
	}

	/** Whether {@code name} mixes scripts as names that imitate others do. */
	public static boolean mixesScripts(@Nullable String name) {
		return name != null && verdict(name).mixed();
	}

	/**
	 * The UTS #39 skeleton of {@code name} (two names look alike when theirs are equal),
	 * or {@code null} when it is the name itself, as it is for most.
	 */
	public static @Nullable String skeleton(@Nullable String name) {
		return (name != null) ? verdict(name).skeleton() : null;
	}

	private static Verdict verdict(String name) {
		Verdict known = verdicts.get(name);
		if (known != null) {
			return known;
		}
		if (verdicts.size() >= CACHE_SIZE) {
			verdicts.clear();
		}
		String skeleton = CHECKER.getSkeleton(name);
		Verdict verdict = new Verdict(CHECKER.failsChecks(name), skeleton.equals(name) ? null : skeleton);
		verdicts.put(name, verdict);
		return verdict;
	}

}
