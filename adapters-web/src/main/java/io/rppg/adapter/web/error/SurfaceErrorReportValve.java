package io.rppg.adapter.web.error;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word on a request no servlet answered: instead of its HTML error page, the error in the caller's
 * surface shape with a request id. It answers what Tomcat refuses before the application runs (a request line or
 * headers over their limit, an encoded slash or null character in the path, a malformed percent sign). A request line
 * too long to be read has no known path, and is answered in the v1 shape.
 */
public class SurfaceErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        var said = response.getMessage() != null ? response.getMessage()
                : throwable == null ? null : throwable.getMessage();
        var error = ContainerErrors.of(status, said);
        var surface = ApiSurface.of(request.getRequestURI());
        var requestId = RequestIds.of(request.getRequest());
        try {
            response.setHeader(RequestIds.HEADER, requestId);
            response.setContentType((surface == ApiSurface.V1 ? ErrorResponses.PROBLEM_JSON
                    : MediaType.APPLICATION_JSON).toString());
            response.setCharacterEncoding("utf-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ErrorResponses.body(surface, error, requestId)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was taken over meanwhile: nothing more can be said.
        }
    }
}
