package io.rppg.adapter.web.input;

import org.springframework.web.multipart.MultipartException;

/** An upload with more than one part of one name ({@link OnePartPerName}). */
public final class RepeatedPartException extends MultipartException {

    private final String partName;

    RepeatedPartException(String partName) {
        super("more than one part named " + partName);
        this.partName = partName;
    }

    public String partName() {
        return partName;
    }
}
