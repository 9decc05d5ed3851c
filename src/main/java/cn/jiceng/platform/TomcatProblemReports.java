package cn.jiceng.platform;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before Spring sees them (an encoded "../" or NUL in the path, a malformed request
 * line) and writes its own HTML; for /api requests this report valve writes problem+json instead. It sits inside
 * the report valve Boot adds, so it reports first.
 */
@Component
class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new ProblemReportValve()));
	}

	static final class ProblemReportValve extends ErrorReportValve {

		ProblemReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || !ApiProblems.isApi(request.getRequestURI()) || response.getContentWritten() > 0) {
				super.report(request, response, throwable);
				return;
			}
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				PrintWriter writer = response.getReporter();
				if (writer != null) {
					writer.write(ApiProblems.json(status, ApiProblems.title(status), ApiProblems.detail(status), null));
					response.finishResponse();
				}
			}
			catch (Exception e) {
				// the connection is gone or the response already committed: nothing more can be said
			}
		}
	}
}
