package dev.codeexec.rest.judge0;

/** A submission Judge0 would refuse, naming the field and what is wrong with it. */
class Judge0Invalid extends RuntimeException {

    private final String field;

    Judge0Invalid(String field, String problem) {
        super(problem, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
