/*
 * Entry of the bare-metal test programs: EL1, MMU off, one CPU.
 * Sets up a stack, clears .bss, runs main() and powers off with PSCI
 * SYSTEM_OFF (the machine's PSCI conduit is SMC).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
    .section .text.start, "ax"
    .global _start
_start:
    /* Secondary CPUs start powered off under PSCI; only CPU 0 runs here. */
    ldr     x0, =__stack_top
    mov     sp, x0
    ldr     x0, =__bss_start
    ldr     x1, =__bss_end
1:  cmp     x0, x1
    b.hs    2f
    str     xzr, [x0], #8
    b       1b
2:  bl      main
    bl      bm_poweroff
3:  wfi
    b       3b
