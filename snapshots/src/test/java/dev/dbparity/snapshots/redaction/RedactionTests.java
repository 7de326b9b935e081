package dev.dbparity.snapshots.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedactionTests {

	private static final String PASSWORD = "S3cr&t!";

	@Test
	void removesTheUserInfoPasswordAndKeepsTheUser() {
		assertThat(Redaction.url("postgres://postgres:PW@127.0.0.1:5432/shop"))
			.isEqualTo("postgres://postgres:***@127.0.0.1:5432/shop");
		assertThat(Redaction.url("jdbc:mysql://root:p%40ss@db:3306/shop")).isEqualTo("jdbc:mysql://root:***@db:3306/shop");
		assertThat(Redaction.url("jdbc:mariadb://root:p@ss@db/shop")).isEqualTo("jdbc:mariadb://root:***@db/shop");
		assertThat(Redaction.url("jdbc:mysql://:only@db/shop")).isEqualTo("jdbc:mysql://:***@db/shop");
		assertThat(Redaction.url("jdbc:postgresql://ci@db/shop")).isEqualTo("jdbc:postgresql://ci@db/shop");
	}

	@Test
	void removesPasswordParametersInEveryFormTheDriversAccept() {
		assertThat(Redaction.url("jdbc:postgresql://db/shop?user=ci&password=PW&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/shop?user=ci&password=***&ssl=true");
		assertThat(Redaction.url("jdbc:postgresql://db/shop?sslpassword=PW")).isEqualTo("jdbc:postgresql://db/shop?sslpassword=***");
		assertThat(Redaction.url("jdbc:mysql://db/shop?user=ci;PASSWORD=PW;useSSL=false"))
			.isEqualTo("jdbc:mysql://db/shop?user=ci;PASSWORD=***;useSSL=false");
		assertThat(Redaction.url("jdbc:mysql://address=(host=db)(user=ci)(password=PW)/shop"))
			.isEqualTo("jdbc:mysql://address=(host=db)(user=ci)(password=***)/shop");
		assertThat(Redaction.url("jdbc:mysql://(host=db,user=ci,password=PW)/shop"))
			.isEqualTo("jdbc:mysql://(host=db,user=ci,password=***)/shop");
		assertThat(Redaction.url("jdbc:mysql://db/shop?password1=A&password2=B&trustCertificateKeyStorePassword=C"))
			.isEqualTo("jdbc:mysql://db/shop?password1=***&password2=***&trustCertificateKeyStorePassword=***");
		assertThat(Redaction.url("jdbc:mariadb://db/shop?pwd=PW&keyStorePassword=K"))
			.isEqualTo("jdbc:mariadb://db/shop?pwd=***&keyStorePassword=***");
		assertThat(Redaction.url("jdbc:postgresql://db/shop?password%3DPW")).isEqualTo("jdbc:postgresql://db/shop?password%3D***");
		assertThat(Redaction.url("Unknown option: '--password=PW'")).isEqualTo("Unknown option: '--password=***'");
		assertThat(Redaction.url("jdbc:postgresql://db/shop?user=ci")).isEqualTo("jdbc:postgresql://db/shop?user=ci");
	}

	@Test
	void redactingTwiceChangesNothingMore() {
		String once = Redaction.url("Could not read jdbc:postgresql://u:PW@db/shop?password=PW: refused");

		assertThat(once).isEqualTo("Could not read jdbc:postgresql://u:***@db/shop?password=***: refused");
		assertThat(Redaction.url(once)).isEqualTo(once);
	}

	@Test
	void removesKnownPasswordsAsWrittenAndUrlEncodedWhereverADriverEchoesThem() {
		String message = "FATAL: no pg_hba.conf entry for S3cr&t! (S3cr%26t%21)";

		assertThat(Redaction.text(message, List.of(PASSWORD))).isEqualTo("FATAL: no pg_hba.conf entry for *** (***)");
		assertThat(Redaction.text(null, List.of(PASSWORD))).isNull();
	}

	@Test
	void findsThePasswordsAUrlHoldsSoThatMessagesWithoutTheUrlCanBeScrubbed() {
		assertThat(Redaction.secretsIn("jdbc:mysql://root:p%40ss@db/shop?password=two&user=x"))
			.containsExactly("p%40ss", "p@ss", "two");
		assertThat(Redaction.secretsIn("jdbc:postgresql://db/shop?user=ci")).isEmpty();
	}
}
