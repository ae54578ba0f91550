package io.rppg.adapter.web.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * An upload names each of its parts once: with two {@code file} parts (or two {@code data} parts) it is not clear
 * which one the client meant, so the request is refused rather than one of them silently taken.
 */
class OnePartPerName implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request instanceof MultipartHttpServletRequest multipart) {
            var files = multipart.getMultiFileMap();
            files.forEach((name, parts) -> {
                if (parts.size() > 1) {
                    throw new RepeatedPartException(name);
                }
            });
            // Parameters of the query string are not parts: only names that head a part count.
            multipart.getParameterMap().forEach((name, values) -> {
                if ((values.length > 1 || files.containsKey(name)) && multipart.getMultipartHeaders(name) != null) {
                    throw new RepeatedPartException(name);
                }
            });
        }
        return true;
    }
}
