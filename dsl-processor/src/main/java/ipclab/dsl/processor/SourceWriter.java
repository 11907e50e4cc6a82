package ipclab.dsl.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Generated;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * What the dsl's two processors share: each handles one annotation, and for each class carrying it
 * writes one package-private abstract class beside it, named after it ({@code ChannelSpecSetters},
 * {@code ScenariosFactories}), that the annotated class's builder or the class itself extends (and,
 * for {@link Setters}, the public builder too).
 */
abstract class SourceWriter extends AbstractProcessor {
    private final Class<? extends Annotation> annotation;
    private final String suffix;

    SourceWriter(Class<? extends Annotation> annotation, String suffix) {
        this.annotation = annotation;
        this.suffix = suffix;
    }

    @Override
    public final Set<String> getSupportedAnnotationTypes() {
        return Set.of(annotation.getCanonicalName());
    }

    @Override
    public final SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public final boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
            TypeElement annotated = (TypeElement) e;
            ClassName name = ClassName.get(
                    processingEnv
                            .getElementUtils()
                            .getPackageOf(annotated)
                            .getQualifiedName()
                            .toString(),
                    annotated.getSimpleName() + suffix);
            TypeSpec.Builder type = generated(name, annotated).addModifiers(Modifier.ABSTRACT);
            if (fill(annotated, name, type)) write(name, type.build(), annotated);
        }
        return true;
    }

    /** A class named {@code name}, marked as written by this processor from {@code origin}. */
    final TypeSpec.Builder generated(ClassName name, Element origin) {
        return TypeSpec.classBuilder(name)
                .addAnnotation(AnnotationSpec.builder(Generated.class)
                        .addMember("value", "$S", getClass().getName())
                        .build())
                .addOriginatingElement(origin);
    }

    /** Adds the members for {@code annotated}; false (after reporting an error on it) when it cannot. */
    abstract boolean fill(TypeElement annotated, ClassName name, TypeSpec.Builder type);

    /** A doc comment as the compiler gives it (each line after a space), as one block. */
    static String javadoc(String doc) {
        return doc.strip()
                .lines()
                .map(String::strip)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    /** Reports an error on the element, as the compiler reports its own. */
    final void error(String message, Element on) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, on);
    }

    /** Writes a class (one more than the abstract one, such as a public builder). */
    final void write(ClassName name, TypeSpec type, Element origin) {
        try {
            JavaFile.builder(name.packageName(), type).build().writeTo(processingEnv.getFiler());
        } catch (IOException ex) {
            error("cannot write " + name + ": " + ex.getMessage(), origin);
        }
    }
}
