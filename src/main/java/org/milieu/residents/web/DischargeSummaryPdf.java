package org.milieu.residents.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.milieu.residents.DischargeSummary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Prints a discharge summary: the template {@code residents/discharge-summary.html} in the
 * reader's language, rendered to PDF by openhtmltopdf. The document carries only what the
 * summary holds, and its title names no one.
 */
@Component
class DischargeSummaryPdf {

	private final ITemplateEngine templates;

	private final String css;

	DischargeSummaryPdf(ITemplateEngine templates) throws IOException {
		this.templates = templates;
		try (var in = new ClassPathResource("pdf/discharge-summary.css").getInputStream()) {
			this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	byte[] render(DischargeSummary summary, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("summary", summary);
		context.setVariable("css", css);
		String xhtml = templates.process("residents/discharge-summary", context);
		try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(xhtml, null);
			builder.toStream(pdf);
			builder.run();
			return pdf.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
