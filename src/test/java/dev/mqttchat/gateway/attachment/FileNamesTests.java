package dev.mqttchat.gateway.attachment;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** File names made safe to show and to offer as a download's name. */
class FileNamesTests {

	@Test
	void pathsAreCutToTheNameAlone() {
		assertThat(FileNames.of("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.of("C:\\Users\\ada\\report.pdf")).isEqualTo("report.pdf");
		assertThat(FileNames.of("..")).isEqualTo("file");
	}

	@Test
	void controlFormatAndReservedCharactersGo() {
		assertThat(FileNames.of("a\r\nb\u0000c.txt")).isEqualTo("abc.txt");
		assertThat(FileNames.of("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
		assertThat(FileNames.of("zero\u200Bwidth\u2066.txt")).isEqualTo("zerowidth.txt");
		assertThat(FileNames.of("a<b>c:d\"e|f?g*h.txt")).isEqualTo("a_b_c_d_e_f_g_h.txt");
		assertThat(FileNames.of("nul.txt")).isEqualTo("_nul.txt");
	}

	@Test
	void emptyOrEndlessNamesAreReplacedOrShortenedKeepingTheExtension() {
		assertThat(FileNames.of(null)).isEqualTo("file");
		assertThat(FileNames.of("")).isEqualTo("file");
		assertThat(FileNames.of(" \u0007 ")).isEqualTo("file");
		String shortened = FileNames.of("é".repeat(300) + ".tar");
		assertThat(shortened.codePointCount(0, shortened.length())).isEqualTo(FileNames.MAX_LENGTH);
		assertThat(shortened).endsWith("é.tar");
		assertThat(FileNames.of("Résumé (final).docx")).isEqualTo("Résumé (final).docx");
	}

	@Test
	void aDownloadNamesTheFileInAsciiAndExactly() {
		assertThat(Downloads.contentDisposition("Résumé 100%.pdf"))
			.isEqualTo("attachment; filename=\"R_sum_ 100_.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20100%25.pdf");
	}

	@Test
	void fileTypesMatchByExtensionOrMediaType() {
		FileTypes types = new FileTypes(List.of(".PDF", "text/*", "application/zip"));
		assertThat(types.accepts("a.pdf", FileTypes.UNKNOWN)).isTrue();
		assertThat(types.accepts("a", "text/csv")).isTrue();
		assertThat(types.accepts("a.zip", "application/zip")).isTrue();
		assertThat(types.accepts("a.exe", "application/x-msdownload")).isFalse();
		assertThat(new FileTypes(List.of("none")).any()).isFalse();
		assertThat(new FileTypes(List.of()).any()).isFalse();
		assertThat(FileTypes.mediaTypeOf("Text/Plain; charset=UTF-8")).isEqualTo("text/plain");
		assertThat(FileTypes.mediaTypeOf("text/html\r\nX: y")).isEqualTo(FileTypes.UNKNOWN);
	}

}
