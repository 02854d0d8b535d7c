package org.milieu.work.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.milieu.work.WorkRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Prints a work-and-skills record: the template {@code work/work-record.html} in the reader's language, as PDF. */
@Component
class WorkRecordPdf {

	private final ITemplateEngine templates;

	private final String css;

	WorkRecordPdf(ITemplateEngine templates) throws IOException {
		this.templates = templates;
		try (var in = new ClassPathResource("pdf/work-record.css").getInputStream()) {
			this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	byte[] render(WorkRecord record, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("record", record);
		context.setVariable("css", css);
		String xhtml = templates.process("work/work-record", context);
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
