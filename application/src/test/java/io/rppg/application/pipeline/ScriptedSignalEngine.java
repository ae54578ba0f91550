package io.rppg.application.pipeline;

import io.rppg.application.port.out.SignalEnginePort;
import io.rppg.application.port.out.VideoStoragePort.VideoSource;
import io.rppg.domain.vitals.AnalysisOutcome;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/** Answers from a script, one step per call, and notes whether it was ever called inside a transaction. */
public final class ScriptedSignalEngine implements SignalEnginePort {

    private final RollbackTransactions transactions;
    private final Deque<Supplier<AnalysisOutcome>> script = new ArrayDeque<>();
    private int calls;
    private boolean calledInTransaction;

    public ScriptedSignalEngine(RollbackTransactions transactions) {
        this.transactions = transactions;
    }

    public ScriptedSignalEngine then(AnalysisOutcome outcome) {
        script.add(() -> outcome);
        return this;
    }

    /** An outcome worked out only when the engine is called, for what must happen during the analysis. */
    public ScriptedSignalEngine thenDuringAnalysis(Supplier<AnalysisOutcome> outcome) {
        script.add(outcome);
        return this;
    }

    public ScriptedSignalEngine thenFault(String message) {
        script.add(() -> {
            throw new SignalEngineFault(message, null);
        });
        return this;
    }

    @Override
    public AnalysisOutcome analyze(VideoSource video) {
        calls++;
        calledInTransaction |= transactions.inTransaction();
        if (script.isEmpty()) {
            throw new IllegalStateException("the engine was called more often than scripted");
        }
        return script.poll().get();
    }

    public int calls() {
        return calls;
    }

    public boolean calledInTransaction() {
        return calledInTransaction;
    }
}
