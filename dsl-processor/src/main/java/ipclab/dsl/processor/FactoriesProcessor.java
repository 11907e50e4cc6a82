package ipclab.dsl.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Writes {@code <Class>Factories} for a class annotated {@link Factories}: see there for what it holds. */
public final class FactoriesProcessor extends SourceWriter {
    public FactoriesProcessor() {
        super(Factories.class, "Factories");
    }

    @Override
    boolean fill(TypeElement annotated, ClassName factories, TypeSpec.Builder type) {
        type.addJavadoc(
                        "A factory per kind of the builders named in {@link $T}'s {@code @Factories}; written by"
                                + " {@code $L}.\n",
                        annotated,
                        FactoriesProcessor.class.getName())
                .addMethod(MethodSpec.constructorBuilder().build());
        for (TypeElement builder : builders(annotated)) {
            ExecutableElement constructor = kindConstructor(builder);
            if (constructor == null) {
                error(builder + " has no public constructor (String name, an enum kind)", annotated);
                return false;
            }
            TypeElement kind = (TypeElement)
                    ((DeclaredType) constructor.getParameters().get(1).asType()).asElement();
            for (VariableElement constant : ElementFilter.fieldsIn(kind.getEnclosedElements())) {
                if (constant.getKind() != ElementKind.ENUM_CONSTANT) continue;
                String doc = processingEnv.getElementUtils().getDocComment(constant);
                type.addMethod(MethodSpec.methodBuilder(methodName(constant))
                        .addJavadoc("$L\n", doc == null ? "Starts a builder of kind " + constant + "." : javadoc(doc))
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(TypeName.get(builder.asType()))
                        .addParameter(String.class, "name")
                        .addStatement("return new $T(name, $T.$L)", builder, kind, constant)
                        .build());
            }
        }
        return true;
    }

    /** The classes named in {@code annotated}'s {@code @Factories}, read as types (they may not be compiled yet). */
    private List<TypeElement> builders(TypeElement annotated) {
        for (AnnotationMirror m : annotated.getAnnotationMirrors()) {
            if (!((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(Factories.class.getCanonicalName())) continue;
            for (var e : m.getElementValues().entrySet()) {
                @SuppressWarnings("unchecked")
                List<? extends AnnotationValue> values =
                        (List<? extends AnnotationValue>) e.getValue().getValue();
                return values.stream()
                        .map(v -> (TypeElement) ((DeclaredType) (TypeMirror) v.getValue()).asElement())
                        .toList();
            }
        }
        return List.of();
    }

    /** The builder's public constructor {@code (String name, E kind)} with {@code E} an enum, or null. */
    private static ExecutableElement kindConstructor(TypeElement builder) {
        for (ExecutableElement c : ElementFilter.constructorsIn(builder.getEnclosedElements())) {
            if (!c.getModifiers().contains(Modifier.PUBLIC)
                    || c.getParameters().size() != 2
                    || !c.getParameters().get(0).asType().toString().equals(String.class.getName())) continue;
            TypeMirror kind = c.getParameters().get(1).asType();
            if (kind instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM) return c;
        }
        return null;
    }

    /** A doc comment as the compiler gives it (each line after a space), as one block. */
    private static String javadoc(String doc) {
        return doc.strip()
                .lines()
                .map(String::strip)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    /** {@code SHM -> shm}, {@code UNIX_DGRAM -> unixDgram}. */
    private static String methodName(VariableElement constant) {
        String[] words =
                constant.getSimpleName().toString().toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++)
            out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        return out.toString();
    }
}
