package io.rppg.bootstrap.wiring;

import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.RecordScanEventUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.DevicePort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.LiveFanOutPort;
import io.rppg.application.port.out.LiveSignalEnginePort;
import io.rppg.application.port.out.LiveStreamLeasePort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.service.live.DeviceService;
import io.rppg.application.service.live.LiveStreamService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Live scans: devices, and the streams that feed scan sessions as they are captured. */
@Configuration(proxyBeanMethods = false)
public class LiveScanConfiguration {

    @Bean
    DeviceService deviceService(DevicePort devices, TransactionPort transactions, ClockPort clock,
                                IdGeneratorPort ids) {
        return new DeviceService(devices, transactions, clock, ids);
    }

    /**
     * @param idleTimeout    a stream without samples this long ends with what it has; also how long a dropped
     *                       connection has to come back
     * @param maxLeadSeconds how far a stream's samples may run ahead of real time
     * @param nodeSilence    how long a node may go without renewing its streams' leases before another node ends
     *                       their scans as stopped with it
     */
    @Bean
    LiveStreamService liveStreamService(CreateScanSessionUseCase sessionCreation, ScanSessionPort sessions,
                                        ScanQuotaPort quotas, DevicePort devices, LiveSignalEnginePort engine,
                                        LiveFanOutPort fanOut, RecordScanEventUseCase scanEvents,
                                        TransactionPort transactions, ClockPort clock, IdGeneratorPort ids,
                                        LiveStreamLeasePort leases,
                                        @Value("${rppg.live.stream-idle-timeout:30s}") Duration idleTimeout,
                                        @Value("${rppg.live.max-lead-seconds:5}") double maxLeadSeconds,
                                        @Value("${rppg.live.node-silence:45s}") Duration nodeSilence) {
        return new LiveStreamService(sessionCreation, sessions, quotas, devices, engine, fanOut, scanEvents,
                transactions, clock, ids, leases,
                new LiveStreamService.Limits(idleTimeout, maxLeadSeconds, nodeSilence));
    }
}
