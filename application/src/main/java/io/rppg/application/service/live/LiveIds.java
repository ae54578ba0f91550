package io.rppg.application.service.live;

import io.rppg.application.port.out.IdGeneratorPort;

/** The random part of device and stream ids: 128 bits from the id generator, as lowercase hex. */
final class LiveIds {

    private LiveIds() {
    }

    static String random(IdGeneratorPort ids) {
        return ids.newUuid().toString().replace("-", "");
    }
}
