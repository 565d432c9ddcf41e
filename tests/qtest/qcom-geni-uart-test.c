/*
 * QTest for the GENI serial engine UART on db845c, the console at
 * 0xa84000 (serial engine 1 of QUPv3 wrapper 1), as Linux's
 * qcom_geni_serial and its earlycon drive it: the firmware and FIFO
 * parameters they check, polled TX (START_TX of TX_TRANS_LEN bytes fed
 * through the TX FIFO, CMD_DONE after exactly those bytes), the TX
 * watermark, cancel and abort, RX (START_READ, RX_FIFO_STATUS and the
 * RX FIFO), M_ILLEGAL_CMD never raised, the interrupt (GIC SPI 354), the
 * QUPv3 wrapper's HW_VER, and reset. The serial line is a UNIX socket
 * the test holds the other end of.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "libqtest.h"
#include "db845c-gic.h"
#include <poll.h>
#include <sys/socket.h>

#define UART            0x00a84000ULL
#define QUP1            0x00ac0000ULL
#define SPI_UART        354

#define GENI_STATUS     0x040
#define M_CMD_ACTIVE    (1u << 0)
#define S_CMD_ACTIVE    (1u << 12)
#define SER_M_CLK_CFG   0x048
#define FW_REVISION_RO  0x068
#define FW_S_REVISION_RO 0x06c
#define TX_PACKING_CFG0 0x260
#define UART_TX_WORD_LEN 0x268
#define UART_TX_TRANS_LEN 0x270
#define M_CMD0          0x600
#define M_CMD_CTRL      0x604
#define M_IRQ_STATUS    0x610
#define M_IRQ_EN        0x614
#define M_IRQ_CLEAR     0x618
#define M_IRQ_EN_SET    0x61c
#define M_IRQ_EN_CLEAR  0x620
#define S_CMD0          0x630
#define S_CMD_CTRL      0x634
#define S_IRQ_STATUS    0x640
#define S_IRQ_EN        0x644
#define S_IRQ_CLEAR     0x648
#define TX_FIFO         0x700
#define RX_FIFO         0x780
#define RX_FIFO_STATUS  0x804
#define TX_WATERMARK    0x80c
#define RX_WATERMARK    0x810
#define M_GP_LENGTH     0x910
#define HW_PARAM_0      0xe24
#define HW_PARAM_1      0xe28
#define QUPV3_HW_VER    0x004

#define START_TX        (1u << 27)      /* UART_START_TX << M_OPCODE_SHFT */
#define START_READ      (1u << 27)
#define CTRL_ABORT      (1u << 1)
#define CTRL_CANCEL     (1u << 2)
/* M_IRQ_STATUS and S_IRQ_STATUS bits */
#define CMD_DONE        (1u << 0)
#define ILLEGAL_CMD     (1u << 2)
#define CMD_CANCEL      (1u << 4)
#define CMD_ABORT       (1u << 5)
#define RX_WM           (1u << 26)
#define RX_LAST         (1u << 27)
#define TX_WM           (1u << 30)
/* RX_FIFO_STATUS */
#define RX_WC(v)        ((v) & 0x1ffffff)
#define RX_LAST_VALID(v) (((v) >> 28) & 7)
#define RX_FIFO_LAST    (1u << 31)

typedef struct Uart {
    QTestState *qts;
    int fd;                 /* the other end of the serial line */
} Uart;

static void uart_start(Uart *u)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *dir = g_dir_make_tmp("qcom-geni-uart-XXXXXX", &err);
    g_autofree char *path = NULL;
    int srv;

    g_assert_no_error(err);
    path = g_strdup_printf("%s/serial", dir);
    srv = qtest_socket_server(path);
    u->qts = qtest_initf("-M db845c -smp 1 -chardev socket,id=con,path=%s "
                         "-serial chardev:con", path);
    u->fd = accept(srv, NULL, NULL);
    g_assert_cmpint(u->fd, >=, 0);
    close(srv);
    unlink(path);
    rmdir(dir);
}

static void uart_stop(Uart *u)
{
    qtest_quit(u->qts);
    close(u->fd);
}

static uint32_t rd(Uart *u, uint32_t off)
{
    return qtest_readl(u->qts, UART + off);
}

static void wr(Uart *u, uint32_t off, uint32_t v)
{
    qtest_writel(u->qts, UART + off, v);
}

/* What came out of the UART: exactly exp, and nothing more */
static void expect_tx(Uart *u, const char *exp)
{
    size_t len = strlen(exp), got = 0;
    char buf[256];
    struct pollfd pfd = { .fd = u->fd, .events = POLLIN };

    g_assert_cmpuint(len, <, sizeof(buf));
    while (got < len) {
        ssize_t n;

        g_assert_cmpint(poll(&pfd, 1, 5000), ==, 1);
        n = recv(u->fd, buf + got, len - got, 0);
        g_assert_cmpint(n, >, 0);
        got += n;
    }
    g_assert_cmpmem(buf, len, exp, len);
    g_assert_cmpint(poll(&pfd, 1, 0), ==, 0);
}

/* Bytes into the UART, from the other end of the line */
static void send_rx(Uart *u, const char *bytes, size_t len)
{
    g_assert_cmpint(send(u->fd, bytes, len, 0), ==, len);
}

/* Wait for the RX FIFO to fill; returns RX_FIFO_STATUS */
static uint32_t wait_rx(Uart *u)
{
    uint32_t st;

    for (int i = 0; !RX_WC(st = rd(u, RX_FIFO_STATUS)); i++) {
        g_assert_cmpint(i, <, 5000);
        g_usleep(1000);
    }
    return st;
}

/* What qcom_geni_serial's probe and earlycon check */
static void test_identity(void)
{
    Uart u;

    uart_start(&u);
    /* protocol UART (2) in FW_REVISION_RO[15:8], for both sequencers */
    g_assert_cmphex(rd(&u, FW_REVISION_RO), ==, 0x200);
    g_assert_cmphex(rd(&u, FW_S_REVISION_RO), ==, 0x200);
    /* TX and RX FIFOs: 32-bit words, 16 deep */
    g_assert_cmphex(rd(&u, HW_PARAM_0), ==, 0x20100000);
    g_assert_cmphex(rd(&u, HW_PARAM_1), ==, 0x20100000);
    g_assert_cmphex(qtest_readl(u.qts, QUP1 + QUPV3_HW_VER), ==, 0x10020000);
    /* idle; the boot loader's last transfer done */
    g_assert_cmphex(rd(&u, GENI_STATUS), ==, 0);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS), ==, CMD_DONE);
    g_assert_cmphex(rd(&u, S_IRQ_STATUS), ==, 0);
    g_assert_cmphex(rd(&u, RX_FIFO_STATUS), ==, 0);
    /* the configuration Linux writes reads back */
    wr(&u, SER_M_CLK_CFG, 0x11);
    wr(&u, TX_PACKING_CFG0, 0x4380e);
    wr(&u, UART_TX_WORD_LEN, 8);
    g_assert_cmphex(rd(&u, SER_M_CLK_CFG), ==, 0x11);
    g_assert_cmphex(rd(&u, TX_PACKING_CFG0), ==, 0x4380e);
    g_assert_cmphex(rd(&u, UART_TX_WORD_LEN), ==, 8);
    uart_stop(&u);
}

/* qcom_geni_serial_setup_tx, then the words, polled as earlycon does */
static void start_tx(Uart *u, uint32_t len)
{
    wr(u, M_IRQ_CLEAR, CMD_DONE);
    wr(u, UART_TX_TRANS_LEN, len);
    wr(u, M_CMD0, START_TX);
}

static void test_tx(void)
{
    Uart u;

    uart_start(&u);
    start_tx(&u, 6);
    g_assert_cmphex(rd(&u, GENI_STATUS), ==, M_CMD_ACTIVE);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & CMD_DONE, ==, 0);
    wr(&u, TX_FIFO, 0x64636261);                    /* "abcd" */
    expect_tx(&u, "abcd");
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & CMD_DONE, ==, 0);
    g_assert_cmpuint(rd(&u, M_GP_LENGTH), ==, 4);
    /* the last word counts only the two bytes still owed */
    wr(&u, TX_FIFO, 0x68676665);                    /* "efgh" */
    expect_tx(&u, "ef");
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & CMD_DONE, ==, CMD_DONE);
    g_assert_cmphex(rd(&u, GENI_STATUS), ==, 0);
    g_assert_cmpuint(rd(&u, M_GP_LENGTH), ==, 6);
    /* no command: a word is dropped */
    wr(&u, TX_FIFO, 0x6b6a6968);
    expect_tx(&u, "");

    /* one byte, through any word of the FIFO's window */
    start_tx(&u, 1);
    wr(&u, TX_FIFO + 0x7c, 0x0a0d0a21);
    expect_tx(&u, "!");
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & CMD_DONE, ==, CMD_DONE);
    /* a command of no bytes is done at once */
    start_tx(&u, 0);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & CMD_DONE, ==, CMD_DONE);
    g_assert_cmphex(rd(&u, GENI_STATUS), ==, 0);
    /* a new command replaces an active one */
    start_tx(&u, 8);
    wr(&u, TX_FIFO, 0x33323130);
    start_tx(&u, 2);
    g_assert_cmpuint(rd(&u, M_GP_LENGTH), ==, 0);
    wr(&u, TX_FIFO, 0x37363534);
    expect_tx(&u, "012345");
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & CMD_DONE, ==, CMD_DONE);
    g_assert_cmphex(rd(&u, GENI_STATUS), ==, 0);
    uart_stop(&u);
}

/* TX_FIFO_WATERMARK: a level while the watermark is set */
static void test_tx_watermark(void)
{
    Uart u;

    uart_start(&u);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & TX_WM, ==, 0);
    wr(&u, TX_WATERMARK, 2);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & TX_WM, ==, TX_WM);
    wr(&u, M_IRQ_CLEAR, TX_WM);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & TX_WM, ==, TX_WM);
    /* with a command too */
    start_tx(&u, 4);
    wr(&u, M_IRQ_CLEAR, TX_WM);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & TX_WM, ==, TX_WM);
    wr(&u, TX_FIFO, 0x44434241);
    expect_tx(&u, "ABCD");
    g_assert_cmphex(rd(&u, M_IRQ_STATUS), ==, CMD_DONE | TX_WM);

    /* the interrupt: high while an enabled status is set */
    g_assert_false(gic_spi_pending(u.qts, SPI_UART));
    wr(&u, M_IRQ_EN_SET, TX_WM);
    g_assert_cmphex(rd(&u, M_IRQ_EN), ==, TX_WM);
    g_assert_true(gic_spi_pending(u.qts, SPI_UART));
    wr(&u, M_IRQ_CLEAR, TX_WM);
    g_assert_true(gic_spi_pending(u.qts, SPI_UART));
    /* stop_tx: watermark 0, then the status clears for good */
    wr(&u, TX_WATERMARK, 0);
    wr(&u, M_IRQ_CLEAR, TX_WM);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & TX_WM, ==, 0);
    g_assert_false(gic_spi_pending(u.qts, SPI_UART));
    wr(&u, M_IRQ_EN_SET, CMD_DONE);
    g_assert_true(gic_spi_pending(u.qts, SPI_UART));
    wr(&u, M_IRQ_EN_CLEAR, CMD_DONE | TX_WM);
    g_assert_cmphex(rd(&u, M_IRQ_EN), ==, 0);
    g_assert_false(gic_spi_pending(u.qts, SPI_UART));
    uart_stop(&u);
}

/* Cancel and abort are acknowledged, even with no command active */
static void test_cancel_abort(void)
{
    static const struct {
        uint32_t ctrl_reg, status_reg, ctrl, ack;
    } t[] = {
        { M_CMD_CTRL, M_IRQ_STATUS, CTRL_CANCEL, CMD_CANCEL },
        { M_CMD_CTRL, M_IRQ_STATUS, CTRL_ABORT, CMD_ABORT },
        { S_CMD_CTRL, S_IRQ_STATUS, CTRL_CANCEL, CMD_CANCEL },
        { S_CMD_CTRL, S_IRQ_STATUS, CTRL_ABORT, CMD_ABORT },
    };
    Uart u;

    uart_start(&u);
    for (int i = 0; i < ARRAY_SIZE(t); i++) {
        uint32_t clear = t[i].status_reg == M_IRQ_STATUS ? M_IRQ_CLEAR :
                                                          S_IRQ_CLEAR;

        g_test_message("ctrl 0x%x bit 0x%x", t[i].ctrl_reg, t[i].ctrl);
        wr(&u, clear, 0xffffffff);
        g_assert_cmphex(rd(&u, t[i].status_reg), ==, 0);
        wr(&u, t[i].ctrl_reg, t[i].ctrl);
        g_assert_cmphex(rd(&u, t[i].status_reg), ==, t[i].ack);
        g_assert_cmphex(rd(&u, t[i].ctrl_reg), ==, 0);
    }
    /* other bits of the control registers do nothing */
    wr(&u, M_IRQ_CLEAR, 0xffffffff);
    wr(&u, M_CMD_CTRL, 1u << 0);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS), ==, 0);

    /* a cancelled TX ends: nothing more goes out, no CMD_DONE */
    start_tx(&u, 8);
    wr(&u, TX_FIFO, 0x64636261);
    expect_tx(&u, "abcd");
    wr(&u, M_CMD_CTRL, CTRL_CANCEL);
    g_assert_cmphex(rd(&u, GENI_STATUS), ==, 0);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS), ==, CMD_CANCEL);
    wr(&u, TX_FIFO, 0x68676665);
    expect_tx(&u, "");
    g_assert_cmphex(rd(&u, M_IRQ_STATUS), ==, CMD_CANCEL);
    /* a cancelled RX command too */
    wr(&u, S_CMD0, START_READ);
    g_assert_cmphex(rd(&u, GENI_STATUS), ==, S_CMD_ACTIVE);
    wr(&u, S_CMD_CTRL, CTRL_ABORT);
    g_assert_cmphex(rd(&u, GENI_STATUS), ==, 0);
    uart_stop(&u);
}

/* START_READ: the bytes of the line, one batch of at most 16 words */
static void test_rx(void)
{
    char many[70];
    uint32_t st;
    Uart u;

    uart_start(&u);
    /* not taken before a read command */
    send_rx(&u, "hello!", 6);
    for (int i = 0; i < 20; i++) {
        g_assert_cmphex(rd(&u, RX_FIFO_STATUS), ==, 0);
        g_usleep(1000);
    }
    wr(&u, S_CMD0, START_READ);
    g_assert_cmphex(rd(&u, GENI_STATUS), ==, S_CMD_ACTIVE);
    st = wait_rx(&u);
    g_assert_cmpuint(RX_WC(st), ==, 2);
    g_assert_cmphex(st & RX_FIFO_LAST, ==, RX_FIFO_LAST);
    g_assert_cmpuint(RX_LAST_VALID(st), ==, 2);
    g_assert_cmphex(rd(&u, S_IRQ_STATUS), ==, RX_LAST);
    g_assert_cmphex(rd(&u, RX_FIFO), ==, 0x6c6c6568);   /* "hell" */
    g_assert_cmpuint(RX_WC(rd(&u, RX_FIFO_STATUS)), ==, 1);
    g_assert_cmphex(rd(&u, RX_FIFO + 4), ==, 0x216f);   /* "o!" */
    g_assert_cmphex(rd(&u, RX_FIFO_STATUS), ==, 0);
    wr(&u, S_IRQ_CLEAR, RX_LAST);
    g_assert_cmphex(rd(&u, S_IRQ_STATUS), ==, 0);

    /* whole words: the last one's valid bytes read 0 (all four) */
    wr(&u, RX_WATERMARK, 2);
    wr(&u, S_IRQ_EN, RX_LAST);
    send_rx(&u, "12345678", 8);
    st = wait_rx(&u);
    g_assert_cmphex(st, ==, RX_FIFO_LAST | 2);
    g_assert_cmphex(rd(&u, S_IRQ_STATUS), ==, RX_LAST | RX_WM);
    g_assert_true(gic_spi_pending(u.qts, SPI_UART));
    g_assert_cmphex(rd(&u, RX_FIFO), ==, 0x34333231);
    g_assert_cmphex(rd(&u, RX_FIFO), ==, 0x38373635);
    wr(&u, S_IRQ_CLEAR, RX_LAST | RX_WM);
    g_assert_false(gic_spi_pending(u.qts, SPI_UART));

    /* more than a FIFO's worth: 16 words, then the rest */
    for (int i = 0; i < sizeof(many); i++) {
        many[i] = 'A' + i % 26;
    }
    send_rx(&u, many, sizeof(many));
    st = wait_rx(&u);
    g_assert_cmphex(st, ==, RX_FIFO_LAST | 16);
    for (int i = 0; i < 16; i++) {
        g_assert_cmphex(rd(&u, RX_FIFO), ==, ldl_le_p(many + 4 * i));
    }
    st = wait_rx(&u);
    g_assert_cmphex(st, ==, RX_FIFO_LAST | 2u << 28 | 2);
    g_assert_cmphex(rd(&u, RX_FIFO), ==, ldl_le_p(many + 64));
    g_assert_cmphex(rd(&u, RX_FIFO), ==, lduw_le_p(many + 68));
    g_assert_cmphex(rd(&u, RX_FIFO_STATUS), ==, 0);
    /* S_CMD_CTRL reads 0 */
    g_assert_cmphex(rd(&u, S_CMD_CTRL), ==, 0);
    uart_stop(&u);
}

/* M_ILLEGAL_CMD is never raised: Linux WARNs on it */
static void test_no_illegal_cmd(void)
{
    static const uint32_t opcodes[] = { 0, 2, 3, 8, 0x1f };
    Uart u;

    uart_start(&u);
    for (int i = 0; i < ARRAY_SIZE(opcodes); i++) {
        wr(&u, M_IRQ_CLEAR, 0xffffffff);
        wr(&u, UART_TX_TRANS_LEN, 4);
        wr(&u, M_CMD0, opcodes[i] << 27);
        wr(&u, S_CMD0, opcodes[i] << 27);
        g_assert_cmphex(rd(&u, M_IRQ_STATUS) & ILLEGAL_CMD, ==, 0);
        g_assert_cmphex(rd(&u, S_IRQ_STATUS) & ILLEGAL_CMD, ==, 0);
        g_assert_cmphex(rd(&u, GENI_STATUS), ==, 0);
    }
    /* nor by the FIFO written with no command, or a command over one */
    wr(&u, TX_FIFO, 0x41414141);
    expect_tx(&u, "");
    start_tx(&u, 8);
    start_tx(&u, 1);
    wr(&u, TX_FIFO, 0x0a);
    expect_tx(&u, "\n");
    g_assert_cmphex(rd(&u, M_IRQ_STATUS) & ILLEGAL_CMD, ==, 0);
    uart_stop(&u);
}

/* A machine reset: idle, CMD_DONE, configuration and enables cleared */
static void test_reset(void)
{
    Uart u;

    uart_start(&u);
    wr(&u, TX_WATERMARK, 1);
    wr(&u, M_IRQ_EN, TX_WM);
    wr(&u, SER_M_CLK_CFG, 0x11);
    start_tx(&u, 16);
    wr(&u, S_CMD0, START_READ);
    g_assert_true(gic_spi_pending(u.qts, SPI_UART));

    qtest_system_reset(u.qts);
    g_assert_cmphex(rd(&u, GENI_STATUS), ==, 0);
    g_assert_cmphex(rd(&u, M_IRQ_STATUS), ==, CMD_DONE);
    g_assert_cmphex(rd(&u, M_IRQ_EN), ==, 0);
    g_assert_cmphex(rd(&u, TX_WATERMARK), ==, 0);
    g_assert_cmphex(rd(&u, SER_M_CLK_CFG), ==, 0);
    g_assert_false(gic_spi_pending(u.qts, SPI_UART));
    /* no command survives: a word is dropped, the line stays quiet */
    wr(&u, TX_FIFO, 0x41414141);
    expect_tx(&u, "");
    uart_stop(&u);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/qcom-geni-uart/identity", test_identity);
    qtest_add_func("/qcom-geni-uart/tx", test_tx);
    qtest_add_func("/qcom-geni-uart/tx-watermark", test_tx_watermark);
    qtest_add_func("/qcom-geni-uart/cancel-abort", test_cancel_abort);
    qtest_add_func("/qcom-geni-uart/rx", test_rx);
    qtest_add_func("/qcom-geni-uart/no-illegal-cmd", test_no_illegal_cmd);
    qtest_add_func("/qcom-geni-uart/reset", test_reset);

    return g_test_run();
}
