package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Linux errno values (x86-64), their symbols and their C-locale descriptions.
 *
 * <p>{@link #describe(int)} asks glibc's {@code strerror_l} for the text in the "C" locale, so that
 * messages read the same whatever the user's {@code LANG} (the JVM calls {@code setlocale}).
 */
public final class Errno {
    private Errno() {}

    public static final int EPERM = 1,
            ENOENT = 2,
            ESRCH = 3,
            EINTR = 4,
            EIO = 5,
            ENXIO = 6,
            E2BIG = 7,
            EBADF = 9,
            EAGAIN = 11,
            ENOMEM = 12,
            EACCES = 13,
            EFAULT = 14,
            EBUSY = 16,
            EEXIST = 17,
            ENOTDIR = 20,
            EISDIR = 21,
            EINVAL = 22,
            ENFILE = 23,
            EMFILE = 24,
            ENOSPC = 28,
            ESPIPE = 29,
            EPIPE = 32,
            ERANGE = 34,
            ENAMETOOLONG = 36,
            ENOSYS = 38,
            ENOMSG = 42,
            EIDRM = 43,
            ENOTSOCK = 88,
            EDESTADDRREQ = 89,
            EMSGSIZE = 90,
            EPROTOTYPE = 91,
            ENOPROTOOPT = 92,
            EOPNOTSUPP = 95,
            EAFNOSUPPORT = 97,
            EADDRINUSE = 98,
            EADDRNOTAVAIL = 99,
            ECONNABORTED = 103,
            ECONNRESET = 104,
            ENOBUFS = 105,
            EISCONN = 106,
            ENOTCONN = 107,
            ETIMEDOUT = 110,
            ECONNREFUSED = 111,
            EALREADY = 114,
            EINPROGRESS = 115;

    /** EWOULDBLOCK is EAGAIN on Linux. */
    public static final int EWOULDBLOCK = EAGAIN;

    private static final String[] NAMES = {
        null,
        "EPERM",
        "ENOENT",
        "ESRCH",
        "EINTR",
        "EIO",
        "ENXIO",
        "E2BIG",
        "ENOEXEC",
        "EBADF",
        "ECHILD",
        "EAGAIN",
        "ENOMEM",
        "EACCES",
        "EFAULT",
        "ENOTBLK",
        "EBUSY",
        "EEXIST",
        "EXDEV",
        "ENODEV",
        "ENOTDIR",
        "EISDIR",
        "EINVAL",
        "ENFILE",
        "EMFILE",
        "ENOTTY",
        "ETXTBSY",
        "EFBIG",
        "ENOSPC",
        "ESPIPE",
        "EROFS",
        "EMLINK",
        "EPIPE",
        "EDOM",
        "ERANGE",
        "EDEADLK",
        "ENAMETOOLONG",
        "ENOLCK",
        "ENOSYS",
        "ENOTEMPTY",
        "ELOOP",
        null,
        "ENOMSG",
        "EIDRM",
        "ECHRNG",
        "EL2NSYNC",
        "EL3HLT",
        "EL3RST",
        "ELNRNG",
        "EUNATCH",
        "ENOCSI",
        "EL2HLT",
        "EBADE",
        "EBADR",
        "EXFULL",
        "ENOANO",
        "EBADRQC",
        "EBADSLT",
        null,
        "EBFONT",
        "ENOSTR",
        "ENODATA",
        "ETIME",
        "ENOSR",
        "ENONET",
        "ENOPKG",
        "EREMOTE",
        "ENOLINK",
        "EADV",
        "ESRMNT",
        "ECOMM",
        "EPROTO",
        "EMULTIHOP",
        "EDOTDOT",
        "EBADMSG",
        "EOVERFLOW",
        "ENOTUNIQ",
        "EBADFD",
        "EREMCHG",
        "ELIBACC",
        "ELIBBAD",
        "ELIBSCN",
        "ELIBMAX",
        "ELIBEXEC",
        "EILSEQ",
        "ERESTART",
        "ESTRPIPE",
        "EUSERS",
        "ENOTSOCK",
        "EDESTADDRREQ",
        "EMSGSIZE",
        "EPROTOTYPE",
        "ENOPROTOOPT",
        "EPROTONOSUPPORT",
        "ESOCKTNOSUPPORT",
        "EOPNOTSUPP",
        "EPFNOSUPPORT",
        "EAFNOSUPPORT",
        "EADDRINUSE",
        "EADDRNOTAVAIL",
        "ENETDOWN",
        "ENETUNREACH",
        "ENETRESET",
        "ECONNABORTED",
        "ECONNRESET",
        "ENOBUFS",
        "EISCONN",
        "ENOTCONN",
        "ESHUTDOWN",
        "ETOOMANYREFS",
        "ETIMEDOUT",
        "ECONNREFUSED",
        "EHOSTDOWN",
        "EHOSTUNREACH",
        "EALREADY",
        "EINPROGRESS",
        "ESTALE",
        "EUCLEAN",
        "ENOTNAM",
        "ENAVAIL",
        "EISNAM",
        "EREMOTEIO",
        "EDQUOT",
        "ENOMEDIUM",
        "EMEDIUMTYPE",
        "ECANCELED",
        "ENOKEY",
        "EKEYEXPIRED",
        "EKEYREVOKED",
        "EKEYREJECTED",
        "EOWNERDEAD",
        "ENOTRECOVERABLE",
        "ERFKILL",
        "EHWPOISON",
    };

    /** The symbol for an errno value ({@code EAGAIN}), or {@code errno=N} for one we do not know. */
    public static String name(int errno) {
        if (errno > 0 && errno < NAMES.length && NAMES[errno] != null) {
            return NAMES[errno];
        }
        return "errno=" + errno;
    }

    /** The value for a symbol ({@code "EAGAIN"} gives 11), or -1. */
    public static int valueOf(String name) {
        for (int i = 1; i < NAMES.length; i++) {
            if (name.equals(NAMES[i])) {
                return i;
            }
        }
        return -1;
    }

    private static final String[] TEXTS = new String[NAMES.length];

    /** glibc's description of an errno value in the C locale, e.g. "Resource temporarily unavailable". */
    public static synchronized String describe(int errno) {
        boolean cacheable = errno > 0 && errno < TEXTS.length;
        if (cacheable && TEXTS[errno] != null) {
            return TEXTS[errno];
        }
        String text;
        try {
            MemorySegment s = (MemorySegment) Strerror.STRERROR_L.invokeExact(errno, Strerror.C_LOCALE);
            text = s.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw Native.unexpected(t);
        }
        if (cacheable) {
            TEXTS[errno] = text;
        }
        return text;
    }

    /** Made on first use of {@link #describe}: errors are rare, and handles cost start-up time. */
    private static final class Strerror {
        static final int LC_MESSAGES_MASK = 1 << 5;
        static final MethodHandle STRERROR_L =
                Native.plain("strerror_l", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
        static final MemorySegment C_LOCALE;

        static {
            MethodHandle newlocale =
                    Native.plain("newlocale", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
            try (var arena = java.lang.foreign.Arena.ofConfined()) {
                C_LOCALE = (MemorySegment)
                        newlocale.invokeExact(LC_MESSAGES_MASK, arena.allocateFrom("C"), MemorySegment.NULL);
            } catch (Throwable t) {
                throw new ExceptionInInitializerError(t);
            }
            if (C_LOCALE.equals(MemorySegment.NULL)) {
                throw new ExceptionInInitializerError("newlocale(LC_MESSAGES_MASK, \"C\") failed");
            }
        }
    }
}
