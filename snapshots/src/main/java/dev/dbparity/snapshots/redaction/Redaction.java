package dev.dbparity.snapshots.redaction;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Redaction} removes passwords from text before it is shown: a message, a report, a log line or an exception's
 * text must never contain one, even when a user put it in a URL or a driver echoes it.
 *
 * <p>It replaces, in any text:
 * <ul>
 * <li>the password of a URL's user-info, {@code scheme://user:secret@host}, keeping the user;</li>
 * <li>the value of every parameter whose name says password ({@code password}, {@code pwd}, {@code passwd},
 * {@code sslpassword}, Connector/J's {@code password1..3} and {@code trustCertificateKeyStorePassword}, MariaDB's
 * {@code keyStorePassword}, …), in the {@code ?a=b&c=d}, {@code a=b;c=d}, {@code (a=b)(c=d)} and {@code (a=b,c=d)} forms,
 * with {@code =} written plainly or URL-encoded;</li>
 * <li>every known password value given to {@link #text(String, Collection)}, as written and URL-encoded.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class Redaction {

	/** What a password is replaced with. */
	public static final String MASK = "***";

	/** Up to the token's last {@code @}: a password may hold an unencoded one. */
	private static final Pattern USER_INFO = Pattern.compile("(//[^:/?#@\\s'\"]*):([^\\s'\"]*)@");
	/** A value ends before a separator; a colon right before one is the message's, as in {@code …password=x: refused}. */
	private static final Pattern SECRET_PARAMETER = Pattern.compile(
			"(?i)([\\w.-]*(?:password\\d?|passwd|pwd|secret)\\s*(?:=|%3D))([^&;,)\\s'\"]+?)(?=:?(?:[&;,)\\s'\"]|$))");

	private Redaction() {
	}

	/** {@code url} with its passwords replaced by {@value #MASK}. */
	public static String url(String url) {
		return text(url, Set.of());
	}

	/**
	 * {@code text} with every password in a URL or parameter, and every one of {@code secrets} (as written and
	 * URL-encoded), replaced by {@value #MASK}; {@code null} stays {@code null}.
	 */
	public static String text(String text, Collection<String> secrets) {
		if (text == null) {
			return null;
		}
		String redacted = USER_INFO.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + ":" + MASK
				+ "@"));
		// A value already masked stays as it is, with what follows it: redacting twice must not eat a ": " after it.
		redacted = SECRET_PARAMETER.matcher(redacted).replaceAll(match -> Matcher.quoteReplacement(
				match.group(2).startsWith(MASK) ? match.group() : match.group(1) + MASK));
		Set<String> forms = new LinkedHashSet<>();
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				forms.add(secret);
				forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
				forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
			}
		}
		// Longest first, so that a password containing another is replaced whole.
		for (String form : forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
			redacted = redacted.replace(form, MASK);
		}
		return redacted;
	}

	/**
	 * The passwords {@code text} holds in URLs or parameters, as written and URL-decoded: what a driver could echo in a
	 * message that no longer shows the URL, and so what {@link #text(String, Collection)} must be told.
	 */
	public static Set<String> secretsIn(String text) {
		Set<String> secrets = new LinkedHashSet<>();
		if (text == null) {
			return secrets;
		}
		Matcher userInfo = USER_INFO.matcher(text);
		while (userInfo.find()) {
			addWithDecoded(secrets, userInfo.group(2));
		}
		Matcher parameter = SECRET_PARAMETER.matcher(text);
		while (parameter.find()) {
			addWithDecoded(secrets, parameter.group(2));
		}
		return secrets;
	}

	private static void addWithDecoded(Set<String> secrets, String secret) {
		if (secret.isEmpty()) {
			return;
		}
		secrets.add(secret);
		try {
			secrets.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException e) {
			// Not URL-encoded after all (a stray %): the password is what was written.
		}
	}
}
