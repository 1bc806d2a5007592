package dev.codeexec.execution;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.RequestScoped;

/** The {@link RunHold} of the current HTTP request, set by the filter that counts the client's runs. */
@RequestScoped
public class CurrentRunHold {

    private RunHold hold = RunHold.NONE;

    public void set(RunHold hold) {
        this.hold = hold;
    }

    RunHold get() {
        return hold;
    }

    /** The current request's hold, or {@link RunHold#NONE} outside a request. */
    static RunHold of(CurrentRunHold current) {
        return Arc.container().requestContext().isActive() ? current.get() : RunHold.NONE;
    }
}
