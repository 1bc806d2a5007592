package dev.codeexec.execution;

/** No enabled language has this name (400). */
public class UnsupportedLanguageException extends InvalidExecutionException {

    public UnsupportedLanguageException(String supported) {
        super("Language not supported. The languages supported are: " + supported);
    }
}
