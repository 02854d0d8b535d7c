package org.milieu.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Prints a document: a Thymeleaf template in the reader's language, with its stylesheet from
 * {@code pdf/} on the class path given to it as {@code css}, rendered to PDF by openhtmltopdf.
 */
@Component
public class PdfPrinter {

	private final ITemplateEngine templates;

	private final Map<String, String> stylesheets = new ConcurrentHashMap<>();

	PdfPrinter(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * Refuses (406, answered as a problem document) a request whose {@code Accept} header rules a PDF
	 * out, such as {@code application/json;q=0}; called by an endpoint before it reads anything. No
	 * header, or one that cannot be read, accepts anything, as for every other answer.
	 */
	public static void requireAccepted(String accept) throws org.springframework.web.HttpMediaTypeNotAcceptableException {
		if (accept == null || accept.isBlank()) {
			return;
		}
		java.util.List<org.springframework.http.MediaType> accepted;
		try {
			accepted = org.springframework.http.MediaType.parseMediaTypes(accept);
		}
		catch (org.springframework.http.InvalidMediaTypeException unreadable) {
			return;
		}
		boolean pdf = accepted.stream().anyMatch(type -> type.getQualityValue() > 0
				&& type.includes(org.springframework.http.MediaType.APPLICATION_PDF));
		if (!pdf) {
			throw new org.springframework.web.HttpMediaTypeNotAcceptableException(
					java.util.List.of(org.springframework.http.MediaType.APPLICATION_PDF));
		}
	}

	/** The template rendered with these variables and the stylesheet {@code pdf/<stylesheet>}. */
	public byte[] print(String template, String stylesheet, Map<String, Object> variables, Locale locale) {
		Context context = new Context(locale);
		context.setVariables(variables);
		context.setVariable("css", stylesheets.computeIfAbsent(stylesheet, PdfPrinter::read));
		String xhtml = templates.process(template, context);
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

	private static String read(String stylesheet) {
		try (var in = new ClassPathResource("pdf/" + stylesheet).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
