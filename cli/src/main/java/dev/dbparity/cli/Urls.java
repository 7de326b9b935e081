package dev.dbparity.cli;

import java.util.regex.Pattern;

/** {@code Urls} removes credentials from JDBC URLs before they are printed or written. */
final class Urls {

	private static final Pattern USER_INFO = Pattern.compile("//[^/@?]*@");
	private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&;])(password|pwd|sslpassword)=[^&;]*[&;]?");

	private Urls() {
	}

	/** {@code url} without a password parameter or {@code user:password@} part. */
	static String withoutCredentials(String url) {
		String withoutUserInfo = USER_INFO.matcher(url).replaceFirst("//");
		return SECRET_PARAMETER.matcher(withoutUserInfo).replaceAll("$1").replaceFirst("[?&;]$", "");
	}
}
